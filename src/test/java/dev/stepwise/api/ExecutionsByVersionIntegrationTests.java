package dev.stepwise.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.support.Api;
import dev.stepwise.support.StepwiseInstance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1/executions?stateMachine=name:qualifier}: the executions started on a version (or
 * through an alias that chose it), or on an alias, as AWS's ListExecutions lists them.
 */
class ExecutionsByVersionIntegrationTests {
  static StepwiseInstance stepwise;
  static Api api;

  @BeforeAll
  static void start() {
    stepwise = StepwiseInstance.start();
    api = stepwise.api();
  }

  @AfterAll
  static void stop() {
    if (stepwise != null) stepwise.close();
  }

  @Test
  void listsTheExecutionsOfAVersionOrAnAlias() {
    api.createStateMachine(
        "by-version", "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}");
    assertThat(api.post("/v1/state-machines/by-version/versions", Map.of()).status())
        .isEqualTo(201);
    var routing = List.of(Map.of("version", 1, "weight", 100));
    assertThat(
            api.put("/v1/state-machines/by-version/aliases/prod", Map.of("routing", routing))
                .status())
        .isEqualTo(201);
    String onAlias = start("by-version:prod");
    String onVersion = start("by-version:1");
    String plain = start("by-version");

    assertThat(ids("by-version")).containsExactlyInAnyOrder(onAlias, onVersion, plain);
    assertThat(ids("by-version:prod")).containsExactly(onAlias);
    assertThat(ids("by-version:1")).containsExactlyInAnyOrder(onAlias, onVersion);
    assertThat(ids("by-version:2")).isEmpty();
    assertThat(ids("by-version:99999999999")).isEmpty();
    assertThat(ids("by-version:canary")).isEmpty();
  }

  private static String start(String target) {
    var started = api.post("/v1/state-machines/" + target + "/executions", Map.of());
    assertThat(started.status()).as(started.body().toString()).isEqualTo(201);
    return (String) started.json().get("executionId");
  }

  @SuppressWarnings("unchecked")
  private static List<String> ids(String stateMachine) {
    var listed = api.get("/v1/executions?stateMachine=" + stateMachine);
    assertThat(listed.status()).isEqualTo(200);
    return ((List<Map<String, Object>>) listed.json().get("items"))
        .stream().map(e -> (String) e.get("executionId")).toList();
  }
}
