package dev.stepwise.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.Json;
import dev.stepwise.support.Api;
import dev.stepwise.support.StepwiseProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Stepwise configured exactly as the Helm chart's default values configure it (the container's
 * environment, keys from the Secret the chart generates), with one viewer key added: it is safe to
 * expose. Only the database and the image's JVM settings are the test's.
 */
class HelmDefaultsIntegrationTests {
  private static final Path LOGS = Path.of("target", "process-logs");
  private static EmbeddedPostgres database;
  private static StepwiseProcess stepwise;
  private static Api admin;
  private static Api viewer;
  private static Api anonymous;

  @BeforeAll
  static void startAsTheChartConfiguresIt() throws Exception {
    var manifests =
        HelmChart.render(
            c ->
                c.set("security.apiKeys[0].name", "admin")
                    .set("security.apiKeys[0].roles[0]", "admin")
                    .set("security.apiKeys[0].secretKey", "admin")
                    .set("security.apiKeys[1].name", "dashboards")
                    .set("security.apiKeys[1].roles[0]", "viewer")
                    .set("security.apiKeys[1].secretKey", "dashboards"));
    var environment = ChartEnvironment.of(manifests, "stepwise-0");
    // The image's JVM settings are the buildpacks image's business; the database is the test's.
    environment.remove("JAVA_TOOL_OPTIONS");
    environment.remove("BPL_JVM_THREAD_COUNT");
    database = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
    environment.put("SPRING_DATASOURCE_URL", database.getJdbcUrl("postgres", "postgres"));
    environment.put("SPRING_DATASOURCE_USERNAME", "postgres");

    stepwise =
        StepwiseProcess.start(LOGS.resolve("helm-defaults.log"), environment)
            .awaitHealthy(Duration.ofSeconds(120));
    anonymous = stepwise.api();
    String secret = "stepwise-api-keys";
    admin = anonymous.withBearer(ChartEnvironment.secretValue(manifests, secret, "admin"));
    viewer = anonymous.withBearer(ChartEnvironment.secretValue(manifests, secret, "dashboards"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (stepwise != null) stepwise.close();
    if (database != null) database.close();
  }

  @Test
  void anUnauthenticatedRequestGets401() {
    var response = anonymous.get("/v1/state-machines");

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(admin.get("/v1/state-machines").status()).isEqualTo(200);
  }

  @Test
  void aViewerMayReadButNotStart() {
    admin.createStateMachine(
        "chart-defaults-pass",
        "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}");

    assertThat(viewer.get("/v1/state-machines/chart-defaults-pass").status()).isEqualTo(200);
    var start =
        viewer.post("/v1/state-machines/chart-defaults-pass/executions", Map.of("input", Map.of()));
    assertThat(start.status()).isEqualTo(403);
    assertThat(start.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void aDefinitionAimingAtTheMetadataAddressIsRefused() {
    var diagnostics = refusal("chart-metadata", "http://169.254.169.254/latest/meta-data/");

    assertThat(diagnostics)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.get("code")).isEqualTo("EGRESS_DENIED");
              assertThat(d.get("location")).isEqualTo("/States/Call/Resource");
            });
  }

  @Test
  void privateAndLoopbackAddressesAreRefusedToo() {
    // Allowed on the laptop default; the chart denies them.
    assertThat(refusal("chart-private", "http://10.1.2.3/hook"))
        .singleElement()
        .satisfies(d -> assertThat(d.get("code")).isEqualTo("EGRESS_DENIED"));
    assertThat(refusal("chart-database-port", "http://127.0.0.1:5432/"))
        .singleElement()
        .satisfies(d -> assertThat(d.get("code")).isEqualTo("EGRESS_DENIED"));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> refusal(String name, String url) {
    String definition =
        "{\"StartAt\":\"Call\",\"States\":{\"Call\":{\"Type\":\"Task\",\"Resource\":\""
            + url
            + "\",\"End\":true}}}";
    var response =
        admin.post(
            "/v1/state-machines", Map.of("name", name, "definition", Json.parse(definition)));
    assertThat(response.status()).as("%s", response.body()).isEqualTo(400);
    return (List<Map<String, Object>>) response.json().get("diagnostics");
  }
}
