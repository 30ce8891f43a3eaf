package dev.stepwise.children;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.support.StepwiseInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A distributed Map caught mid-run by a restart finishes exactly once: each item ran in one child
 * execution, the parent joins once and its history has no gap.
 */
class DistributedMapRestartIntegrationTests {

  @Test
  void aMapRunSurvivesARestart() {
    String id;
    try (var first = StepwiseInstance.start()) {
      var api = first.api();
      api.createStateMachine(
          "dmap-restart",
          """
          {"StartAt": "M", "States": {"M": {"Type": "Map", "MaxConcurrency": 2, "End": true,
            "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
              "StartAt": "Sleep", "States": {
                "Sleep": {"Type": "Wait", "Seconds": 2, "Next": "Done"},
                "Done": {"Type": "Pass", "Parameters": {"item.$": "$"}, "End": true}}}}}}
          """);
      id = api.start("dmap-restart", List.of("a", "b", "c", "d"));
      DistributedMapIntegrationTests.awaitChildren(api, id, 2);
    }

    try (var second = StepwiseInstance.start()) {
      var api = second.api();
      var done = api.awaitEnd(id, Duration.ofSeconds(60));

      assertThat(done.get("status")).isEqualTo("SUCCEEDED");
      assertThat(done.get("output"))
          .isEqualTo(
              List.of(
                  Map.of("item", "a"),
                  Map.of("item", "b"),
                  Map.of("item", "c"),
                  Map.of("item", "d")));
      @SuppressWarnings("unchecked")
      var children =
          (List<Map<String, Object>>)
              api.get("/v1/executions?parentExecution=" + id).json().get("items");
      assertThat(children)
          .hasSize(4)
          .allSatisfy(c -> assertThat(c.get("status")).isEqualTo("SUCCEEDED"));
      assertThat(children)
          .extracting(c -> c.get("input"))
          .containsExactlyInAnyOrder("a", "b", "c", "d");
      var history = api.history(id);
      for (int i = 0; i < history.size(); i++) {
        assertThat(((Number) history.get(i).get("id")).longValue()).isEqualTo(i + 1);
      }
      var types = history.stream().map(e -> (String) e.get("type")).toList();
      assertThat(types.stream().filter(t -> t.equals("MapRunSucceeded"))).hasSize(1);
      assertThat(types.stream().filter(t -> t.equals("ExecutionSucceeded"))).hasSize(1);
    }
  }
}
