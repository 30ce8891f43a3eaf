package dev.stepwise.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.support.Api;
import dev.stepwise.support.StepwiseInstance;
import dev.stepwise.support.TestEndpoint;
import dev.stepwise.support.TestEndpoint.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Executions caught in a Wait, in a Retry backoff and in the middle of a Parallel state survive
 * closing the application and starting it again: each finishes exactly once, and its history has no
 * gap and no duplicate.
 */
class RestartIntegrationTests {
  static TestEndpoint endpoint;
  static final AtomicInteger flakyCalls = new AtomicInteger();

  @BeforeAll
  static void startEndpoint() {
    endpoint = new TestEndpoint();
    endpoint.echo("/echo");
    // Fails the first call, then succeeds: the retry's backoff spans the restart.
    endpoint.on(
        "/flaky",
        call ->
            flakyCalls.incrementAndGet() == 1
                ? new Answer(500, Map.of("error", "Flaky", "cause", "first call"))
                : Answer.ok(Map.of("ok", true)));
  }

  @AfterAll
  static void stopEndpoint() {
    endpoint.close();
  }

  @Test
  void executionsSurviveARestart() {
    String waiting, retrying, parallel;
    try (var first = StepwiseInstance.start()) {
      Api api = first.api();
      api.createStateMachine(
          "restart-wait",
          """
          {"StartAt": "Before", "States": {
            "Before": {"Type": "Pass", "Result": {"step": 1}, "Next": "Sleep"},
            "Sleep": {"Type": "Wait", "Seconds": 3, "Next": "After"},
            "After": {"Type": "Pass", "ResultPath": "$.after", "Result": "done", "End": true}}}
          """);
      api.createStateMachine(
          "restart-retry",
          """
          {"StartAt": "Call", "States": {
            "Call": {"Type": "Task", "Resource": "%s",
              "Retry": [{"ErrorEquals": ["Flaky"], "IntervalSeconds": 3, "MaxAttempts": 2}],
              "End": true}}}
          """
              .formatted(endpoint.url("/flaky")));
      api.createStateMachine(
          "restart-parallel",
          """
          {"StartAt": "Both", "States": {"Both": {"Type": "Parallel", "End": true, "Branches": [
            {"StartAt": "Fast", "States": {"Fast": {"Type": "Task", "Resource": "%s", "End": true}}},
            {"StartAt": "Slow", "States": {
              "Slow": {"Type": "Wait", "Seconds": 3, "Next": "Then"},
              "Then": {"Type": "Pass", "Result": "slow", "End": true}}}]}}}
          """
              .formatted(endpoint.url("/echo")));
      waiting = api.start("restart-wait", Map.of());
      retrying = api.start("restart-retry", Map.of());
      parallel = api.start("restart-parallel", Map.of("x", 1));
      awaitEvent(api, waiting, "WaitStateEntered");
      awaitEvent(api, retrying, "TaskFailed");
      awaitEvent(api, parallel, "TaskSucceeded");
    }

    try (var second = StepwiseInstance.start()) {
      Api api = second.api();
      var w = api.awaitEnd(waiting, Duration.ofSeconds(30));
      var r = api.awaitEnd(retrying, Duration.ofSeconds(30));
      var p = api.awaitEnd(parallel, Duration.ofSeconds(30));

      assertThat(w.get("status")).isEqualTo("SUCCEEDED");
      assertThat(w.get("output")).isEqualTo(Map.of("step", 1, "after", "done"));
      assertThat(r.get("status")).isEqualTo("SUCCEEDED");
      assertThat(r.get("output")).isEqualTo(Map.of("ok", true));
      assertThat(flakyCalls.get()).isEqualTo(2);
      assertThat(p.get("status")).isEqualTo("SUCCEEDED");
      assertThat(p.get("output")).isEqualTo(List.of(Map.of("x", 1), "slow"));

      for (String id : List.of(waiting, retrying, parallel)) {
        var history = api.history(id);
        for (int i = 0; i < history.size(); i++) {
          assertThat(((Number) history.get(i).get("id")).longValue()).isEqualTo(i + 1);
        }
        var types = history.stream().map(e -> (String) e.get("type")).toList();
        assertThat(
                types.stream()
                    .filter(t -> t.startsWith("Execution") && !t.equals("ExecutionStarted")))
            .containsExactly("ExecutionSucceeded");
        assertThat(types.stream().filter(Predicate.isEqual("WaitStateExited")).count())
            .isLessThanOrEqualTo(1);
      }
      assertThat(
              api.history(parallel).stream()
                  .filter(e -> e.get("type").equals("ParallelStateSucceeded")))
          .hasSize(1);
    }
  }

  private static void awaitEvent(Api api, String executionId, String type) {
    Instant deadline = Instant.now().plusSeconds(20);
    while (api.history(executionId).stream().noneMatch(e -> type.equals(e.get("type")))) {
      if (Instant.now().isAfter(deadline))
        throw new AssertionError("no " + type + " in " + executionId);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
