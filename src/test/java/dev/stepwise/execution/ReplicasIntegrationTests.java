package dev.stepwise.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.support.StepwiseInstance;
import dev.stepwise.support.TestEndpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Two replicas on one database share a few hundred executions; no state runs twice: every
 * execution's history is exactly the expected one and every Task request is sent once.
 */
class ReplicasIntegrationTests {

  @Test
  void twoReplicasRunEachStateOnce() throws Exception {
    try (var endpoint = new TestEndpoint();
        var one = StepwiseInstance.start(Map.of("stepwise.queue.node-id", "replica-one"));
        var two = StepwiseInstance.start(Map.of("stepwise.queue.node-id", "replica-two"))) {
      endpoint.echo("/work");
      one.api()
          .createStateMachine(
              "replicas",
              """
              {"StartAt": "Prepare", "States": {
                "Prepare": {"Type": "Pass", "Parameters": {"n.$": "$.n"}, "ResultPath": "$.prepared",
                  "Next": "Fan"},
                "Fan": {"Type": "Map", "ItemsPath": "$.items", "ResultPath": "$.mapped",
                  "ItemProcessor": {"StartAt": "Call", "States": {
                    "Call": {"Type": "Task", "Resource": "%s", "End": true}}},
                  "Next": "Done"},
                "Done": {"Type": "Succeed"}}}
              """
                  .formatted(endpoint.url("/work")));

      int executions = 300;
      List<String> ids;
      try (var starters = Executors.newFixedThreadPool(8)) {
        var futures =
            IntStream.range(0, executions)
                .mapToObj(
                    i ->
                        starters.submit(
                            () ->
                                (i % 2 == 0 ? one : two)
                                    .api()
                                    .start("replicas", Map.of("n", i, "items", List.of(i, i + 1)))))
                .toList();
        ids = new ArrayList<>();
        for (var f : futures) ids.add(f.get());
      }

      for (int i = 0; i < executions; i++) {
        var execution = one.api().awaitEnd(ids.get(i), Duration.ofSeconds(60));
        assertThat(execution.get("status")).as("%s", execution).isEqualTo("SUCCEEDED");
        assertThat(execution.get("output"))
            .isEqualTo(
                Map.of(
                    "n", i,
                    "items", List.of(i, i + 1),
                    "prepared", Map.of("n", i),
                    "mapped", List.of(i, i + 1)));
      }
      for (String id : ids) {
        var types = two.api().history(id).stream().map(e -> (String) e.get("type")).toList();
        assertThat(types.stream().filter(t -> t.equals("TaskStateEntered"))).hasSize(2);
        assertThat(types.stream().filter(t -> t.equals("TaskSucceeded"))).hasSize(2);
        assertThat(types.stream().filter(t -> t.equals("MapStateExited"))).hasSize(1);
        assertThat(types.getLast()).isEqualTo("ExecutionSucceeded");
      }
      var keys =
          endpoint.calls("/work").stream()
              .collect(
                  Collectors.groupingBy(c -> c.header("Idempotency-Key"), Collectors.counting()));
      assertThat(keys).hasSize(executions * 2);
      assertThat(keys.values()).allMatch(count -> count == 1);
    }
  }
}
