package dev.stepwise.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml follows the Compose specification: no {@code version} (obsolete, and warned
 * about), a health check on every service another one waits for, and waiting means {@code
 * service_healthy} wherever the service has a health check.
 */
class DockerComposeTests {
  private static Map<String, Object> compose;
  private static Map<String, Map<String, Object>> services;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void read() {
    compose = new Yaml().load(OpsFiles.read(Path.of("docker-compose.yml")));
    services = (Map<String, Map<String, Object>>) compose.get("services");
  }

  @Test
  void hasNoVersionAndTheExpectedServices() {
    assertThat(compose).doesNotContainKey("version").containsKey("services");
    assertThat(services).containsKeys("postgres", "stepwise", "echo");
  }

  @Test
  void theDatabaseAndTheEchoEndpointHaveHealthChecks() {
    for (String name : new String[] {"postgres", "echo"}) {
      @SuppressWarnings("unchecked")
      var check = (Map<String, Object>) services.get(name).get("healthcheck");
      assertThat(check).as(name).containsKeys("test", "interval", "timeout", "retries");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void dependenciesWithAHealthCheckAreWaitedForUntilHealthy() {
    int checked = 0;
    for (var service : services.entrySet()) {
      Object dependsOn = service.getValue().get("depends_on");
      if (dependsOn == null) continue;
      assertThat(dependsOn)
          .as("%s: depends_on in the long form (with a condition)", service.getKey())
          .isInstanceOf(Map.class);
      for (var dependency : ((Map<String, Map<String, Object>>) dependsOn).entrySet()) {
        boolean healthChecked = services.get(dependency.getKey()).containsKey("healthcheck");
        String wanted = healthChecked ? "service_healthy" : "service_started";
        assertThat(dependency.getValue().get("condition"))
            .as("%s waits for %s", service.getKey(), dependency.getKey())
            .isEqualTo(wanted);
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(2);
  }

  @Test
  void stepwiseWaitsForAHealthyDatabaseAndStopsGracefully() {
    var stepwise = services.get("stepwise");
    assertThat(stepwise.get("depends_on").toString())
        .contains("postgres={condition=service_healthy}");
    assertThat(stepwise.get("stop_grace_period")).isEqualTo("40s");
  }
}
