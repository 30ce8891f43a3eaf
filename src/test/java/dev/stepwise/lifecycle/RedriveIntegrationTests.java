package dev.stepwise.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.support.StepwiseInstance;
import dev.stepwise.support.TestEndpoint;
import dev.stepwise.support.TestEndpoint.Answer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A failed or aborted execution resumes from where it stopped, keeping its history. */
class RedriveIntegrationTests {
  static TestEndpoint endpoint;
  static StepwiseInstance stepwise;
  static final AtomicInteger calls = new AtomicInteger();
  static final java.util.concurrent.CountDownLatch slowArrived =
      new java.util.concurrent.CountDownLatch(1);
  static final java.util.concurrent.CountDownLatch slowRelease =
      new java.util.concurrent.CountDownLatch(1);

  @BeforeAll
  static void start() {
    endpoint = new TestEndpoint();
    endpoint.on(
        "/once-broken",
        call ->
            calls.incrementAndGet() == 1
                ? new Answer(503, Map.of("error", "Unavailable", "cause", "try later"))
                : Answer.ok(Map.of("fixed", true)));
    endpoint.holding("/slow", slowArrived, slowRelease, Map.of("late", true));
    stepwise = StepwiseInstance.start();
  }

  @AfterAll
  static void stop() {
    stepwise.close();
    endpoint.close();
  }

  @Test
  void redrivenExecutionResumesAtTheFailedState() {
    var api = stepwise.api();
    api.createStateMachine(
        "redrive-failed",
        """
        {"StartAt": "First", "States": {
          "First": {"Type": "Pass", "Result": "ran", "ResultPath": "$.first", "Next": "Call"},
          "Call": {"Type": "Task", "Resource": "%s", "ResultPath": "$.call", "End": true}}}
        """
            .formatted(endpoint.url("/once-broken")));
    String id = api.start("redrive-failed", Map.of());
    var failed = api.awaitEnd(id, Duration.ofSeconds(20));
    assertThat(failed.get("status")).isEqualTo("FAILED");
    assertThat(failed.get("error")).isEqualTo("Unavailable");

    var response = api.post("/v1/executions/" + id + "/redrive", Map.of());
    assertThat(response.status()).isEqualTo(200);
    var redriven = api.awaitEnd(id, Duration.ofSeconds(20));

    assertThat(redriven.get("status")).isEqualTo("SUCCEEDED");
    assertThat(redriven.get("redriveCount")).isEqualTo(1);
    assertThat(redriven.get("output"))
        .isEqualTo(Map.of("first", "ran", "call", Map.of("fixed", true)));
    var types = api.history(id).stream().map(e -> (String) e.get("type")).toList();
    assertThat(types.stream().filter(t -> t.equals("PassStateEntered"))).hasSize(1);
    assertThat(types)
        .containsSubsequence(
            "ExecutionFailed", "ExecutionRedriven", "TaskStateEntered", "ExecutionSucceeded");
    var ids = api.history(id).stream().map(e -> ((Number) e.get("id")).intValue()).toList();
    assertThat(ids)
        .isEqualTo(java.util.stream.IntStream.rangeClosed(1, ids.size()).boxed().toList());

    assertThat(api.post("/v1/executions/" + id + "/redrive", Map.of()).status()).isEqualTo(409);
  }

  private static void pause() {
    try {
      Thread.sleep(25);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void abortedExecutionCanBeRedriven() {
    var api = stepwise.api();
    api.createStateMachine(
        "redrive-aborted",
        """
        {"StartAt": "Sleep", "States": {
          "Sleep": {"Type": "Wait", "Seconds": 30, "Next": "Done"},
          "Done": {"Type": "Pass", "End": true}}}
        """);
    String id = api.start("redrive-aborted", Map.of("keep", 1));
    assertThat(
            api.post("/v1/executions/" + id + "/stop", Map.of("error", "Oops"))
                .json()
                .get("status"))
        .isEqualTo("ABORTED");

    api.post("/v1/executions/" + id + "/redrive", Map.of());

    var running = api.execution(id);
    assertThat(running.get("status")).isEqualTo("RUNNING");
    assertThat(running.get("redriveCount")).isEqualTo(1);
    // The redriven step runs right after the redrive commits; wait for it to enter the Wait.
    List<String> types = List.of();
    for (int i = 0; i < 200 && types.stream().filter("WaitStateEntered"::equals).count() < 2; i++) {
      types = api.history(id).stream().map(e -> (String) e.get("type")).toList();
      pause();
    }
    assertThat(types)
        .containsSubsequence(
            "WaitStateEntered", "ExecutionAborted", "ExecutionRedriven", "WaitStateEntered");
    api.post("/v1/executions/" + id + "/stop", Map.of());
    assertThat(List.of(api.execution(id).get("status"))).containsExactly("ABORTED");
  }

  @Test
  void aTaskAnswerArrivingAfterStopIsIgnored() throws Exception {
    var api = stepwise.api();
    api.createStateMachine(
        "late-answer",
        """
        {"StartAt": "Call", "States": {
          "Call": {"Type": "Task", "Resource": "%s", "End": true}}}
        """
            .formatted(endpoint.url("/slow")));
    String id = api.start("late-answer", Map.of());
    assertThat(slowArrived.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    double droppedBefore = stepwise.droppedTaskAnswers();

    assertThat(api.post("/v1/executions/" + id + "/stop", Map.of()).json().get("status"))
        .isEqualTo("ABORTED");
    var afterStop = api.history(id);
    slowRelease.countDown();
    // The answer arrived and its recording was refused (the stop removed its work item): the
    // queue counts it as dropped once that transaction has ended.
    for (int i = 0; i < 800 && stepwise.droppedTaskAnswers() == droppedBefore; i++) {
      pause();
    }
    assertThat(stepwise.droppedTaskAnswers()).isEqualTo(droppedBefore + 1);

    assertThat(api.execution(id).get("status")).isEqualTo("ABORTED");
    assertThat(api.history(id)).isEqualTo(afterStop);
    var types = api.history(id).stream().map(e -> (String) e.get("type")).toList();
    assertThat(types).doesNotContain("TaskSucceeded");
    assertThat(types.getLast()).isEqualTo("ExecutionAborted");
  }
}
