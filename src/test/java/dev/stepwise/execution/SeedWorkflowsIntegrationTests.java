package dev.stepwise.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.support.Resources;
import dev.stepwise.support.SeedLambdas;
import dev.stepwise.support.StepwiseInstance;
import dev.stepwise.support.TestEndpoint;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The three definitions of the article Stepwise was first described from, run unchanged: their
 * Lambda ARNs are routed to real HTTP endpoints in the test.
 */
class SeedWorkflowsIntegrationTests {
  static TestEndpoint lambdas;
  static StepwiseInstance stepwise;

  @BeforeAll
  static void start() {
    lambdas = SeedLambdas.start();
    stepwise = StepwiseInstance.start(SeedLambdas.routes(lambdas));
  }

  @AfterAll
  static void stop() {
    stepwise.close();
    lambdas.close();
  }

  @Test
  void runsTwoTasksInSequence() {
    var api = stepwise.api();
    api.createStateMachine("seed-sequential", Resources.text("/seed/sequential.json"));
    String id = api.start("seed-sequential", Map.of("order", 7));

    var execution = api.awaitEnd(id, Duration.ofSeconds(20));

    assertThat(execution.get("status")).isEqualTo("SUCCEEDED");
    assertThat(execution.get("output"))
        .isEqualTo(Map.of("second", Map.of("first", Map.of("order", 7))));
    var types = api.history(id).stream().map(e -> e.get("type")).toList();
    assertThat(types)
        .containsExactly(
            "ExecutionStarted",
            "TaskStateEntered",
            "TaskScheduled",
            "TaskStarted",
            "TaskSucceeded",
            "TaskStateExited",
            "TaskStateEntered",
            "TaskScheduled",
            "TaskStarted",
            "TaskSucceeded",
            "TaskStateExited",
            "ExecutionSucceeded");
  }

  @Test
  void countsExecutionsTransitionsAndTaskRequestsInPrometheusMetrics() {
    var api = stepwise.api();
    api.createStateMachine("seed-metrics", Resources.text("/seed/sequential.json"));
    api.awaitEnd(api.start("seed-metrics", Map.of()), Duration.ofSeconds(20));

    String scrape = api.text("/actuator/prometheus");

    assertThat(scrape)
        .contains("stepwise_executions_started_total{state_machine=\"seed-metrics\"} 1.0")
        .contains(
            "stepwise_executions_finished_total{state_machine=\"seed-metrics\",status=\"SUCCEEDED\"} 1.0")
        .contains(
            "stepwise_state_transitions_total{state_machine=\"seed-metrics\",type=\"Task\"} 2.0")
        .contains(
            "stepwise_task_requests_seconds_count{outcome=\"success\",state_machine=\"seed-metrics\"} 2")
        .contains("stepwise_queue_depth")
        .contains("stepwise_queue_lag_seconds");
  }

  @Test
  void runsTwoBranchesInParallel() {
    var api = stepwise.api();
    api.createStateMachine("seed-parallel", Resources.text("/seed/parallel.json"));
    String id = api.start("seed-parallel", Map.of());

    var execution = api.awaitEnd(id, Duration.ofSeconds(20));

    assertThat(execution.get("status")).isEqualTo("SUCCEEDED");
    assertThat(execution.get("output")).isEqualTo(List.of("A", "B"));
  }

  @Test
  void retriesOnScheduleThenCatches() {
    var api = stepwise.api();
    api.createStateMachine("seed-retry", Resources.text("/seed/retry.json"));
    String id = api.start("seed-retry", Map.of());

    var execution = api.awaitEnd(id, Duration.ofSeconds(60));

    // Caught by States.ALL into a Fail state with no Error: FAILED with no error name.
    assertThat(execution.get("status")).isEqualTo("FAILED");
    var calls = lambdas.calls("/unreliable");
    assertThat(calls).hasSize(4);
    assertThat(calls.stream().map(c -> c.header("Stepwise-Attempt")))
        .containsExactly("1", "2", "3", "4");
    assertThat(calls.stream().map(c -> c.header("Idempotency-Key")).distinct()).hasSize(1);
    // IntervalSeconds 5, BackoffRate 2: the retries wait 5, 10 and 20 seconds.
    long[] expected = {5_000, 10_000, 20_000};
    for (int i = 0; i < expected.length; i++) {
      long gap = Duration.between(calls.get(i).at(), calls.get(i + 1).at()).toMillis();
      assertThat(gap)
          .as("wait before retry %d", i + 1)
          .isBetween(expected[i] - 50, expected[i] + 1_000);
    }
  }
}
