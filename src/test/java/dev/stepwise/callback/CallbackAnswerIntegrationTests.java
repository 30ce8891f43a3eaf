package dev.stepwise.callback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.support.Api;
import dev.stepwise.support.StepwiseInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The answers to a task token: success and failure, a second answer, a token unknown or of a
 * stopped execution, a token across a restart, tokens of parallel branches, and the gauge of open
 * callbacks.
 */
class CallbackAnswerIntegrationTests extends CallbackSupport {
  @Test
  void theEndpointGetsTheTokenAndSuccessContinuesWithTheOutput() {
    approval("cb-success", "/approve", "");
    Waiting waiting = startWaiting("cb-success", 42);

    assertThat(waiting.token()).isNotBlank();
    assertThat(waiting.call().header("Stepwise-Task-Token")).isEqualTo(waiting.token());
    assertThat(waiting.call().body()).isEqualTo(Map.of("token", waiting.token(), "order", 42));
    assertThat(stepwise.api().execution(waiting.executionId()).get("status")).isEqualTo("RUNNING");

    assertThat(success(waiting.token(), Map.of("approvedBy", "ann")).status()).isEqualTo(200);

    var ended = stepwise.api().awaitEnd(waiting.executionId(), Duration.ofSeconds(20));
    assertThat(ended.get("status")).isEqualTo("SUCCEEDED");
    assertThat(ended.get("output"))
        .isEqualTo(Map.of("order", 42, "approval", Map.of("approvedBy", "ann")));
    assertThat(types(waiting.executionId()))
        .containsSubsequence(
            "TaskScheduled",
            "TaskStarted",
            "TaskSubmitted",
            "TaskSucceeded",
            "TaskStateExited",
            "ExecutionSucceeded");
  }

  @Test
  void answeringTwiceIsAConflict() {
    approval("cb-twice", "/approve", "");
    Waiting waiting = startWaiting("cb-twice", 1);

    assertThat(success(waiting.token(), "first").status()).isEqualTo(200);
    var second = success(waiting.token(), "second");

    assertThat(second.status()).isEqualTo(409);
    assertThat(second.json().get("status")).isEqualTo(409);
    var ended = stepwise.api().awaitEnd(waiting.executionId(), Duration.ofSeconds(20));
    assertThat(ended.get("output")).isEqualTo(Map.of("order", 1, "approval", "first"));
    assertThat(types(waiting.executionId()).stream().filter("TaskSucceeded"::equals)).hasSize(1);
  }

  @Test
  void aFailureIsCaughtByItsErrorName() {
    approval("cb-failure", "/approve", "");
    Waiting waiting = startWaiting("cb-failure", 2);

    var response =
        stepwise
            .api()
            .post(
                "/v1/task-tokens/failure",
                Map.of("taskToken", waiting.token(), "error", "Rejected", "cause", "over budget"));

    assertThat(response.status()).isEqualTo(200);
    var ended = stepwise.api().awaitEnd(waiting.executionId(), Duration.ofSeconds(20));
    assertThat(ended.get("status")).isEqualTo("SUCCEEDED");
    assertThat(ended.get("output"))
        .isEqualTo(
            Map.of(
                "order",
                2,
                "rejection",
                Map.of("Error", "Rejected", "Cause", "over budget"),
                "outcome",
                "rejected"));
    assertThat(types(waiting.executionId())).containsSubsequence("TaskFailed", "PassStateEntered");
  }

  @Test
  void aFailedRequestFailsTheTaskAsUsual() {
    approval("cb-down", "/down", "");
    Api api = stepwise.api();
    String id = api.start("cb-down", Map.of("order", 6));

    var ended = api.awaitEnd(id, Duration.ofSeconds(20));

    assertThat(ended.get("status")).isEqualTo("FAILED");
    assertThat(ended.get("error")).isEqualTo("Down");
    @SuppressWarnings("unchecked")
    var body =
        (Map<String, Object>)
            endpoint.calls("/down").stream()
                .filter(c -> id.equals(c.header("Stepwise-Execution-Id")))
                .findFirst()
                .orElseThrow()
                .body();
    assertThat(success((String) body.get("token"), "late").status()).isEqualTo(409);
  }

  @Test
  void anUnknownTokenIsNotFound() {
    var response = success("no-such-token", Map.of());

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(heartbeat("no-such-token").status()).isEqualTo(404);
    assertThat(stepwise.api().post("/v1/task-tokens/success", Map.of("output", 1)).status())
        .isEqualTo(400);
  }

  @Test
  void aStoppedExecutionsTokenCanNoLongerBeAnswered() {
    approval("cb-stop", "/approve", "\"HeartbeatSeconds\": 30,");
    Waiting waiting = startWaiting("cb-stop", 7);

    var stopped =
        stepwise.api().post("/v1/executions/" + waiting.executionId() + "/stop", Map.of());

    assertThat(stopped.json().get("status")).isEqualTo("ABORTED");
    assertThat(success(waiting.token(), "late").status()).isEqualTo(409);
    assertThat(heartbeat(waiting.token()).status()).isEqualTo(409);
    assertThat(stepwise.api().execution(waiting.executionId()).get("status")).isEqualTo("ABORTED");
  }

  @Test
  void theTokenSurvivesARestart() {
    approval("cb-restart", "/approve", "\"TimeoutSeconds\": 120,");
    Waiting waiting = startWaiting("cb-restart", 8);

    stepwise.close();
    stepwise = StepwiseInstance.start();

    assertThat(success(waiting.token(), "after restart").status()).isEqualTo(200);
    var ended = stepwise.api().awaitEnd(waiting.executionId(), Duration.ofSeconds(20));
    assertThat(ended.get("status")).isEqualTo("SUCCEEDED");
    assertThat(ended.get("output")).isEqualTo(Map.of("order", 8, "approval", "after restart"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void parallelBranchesWaitForTheirOwnTokens() {
    String task =
        """
        {"StartAt": "%1$s", "States": {"%1$s": {"Type": "Task", "End": true,
          "Resource": "%2$s.waitForTaskToken",
          "Parameters": {"token.$": "$$.Task.Token", "order.$": "$.order"}}}}
        """;
    stepwise
        .api()
        .createStateMachine(
            "cb-parallel",
            """
            {"StartAt": "Both", "States": {"Both": {"Type": "Parallel", "End": true,
              "Branches": [%s, %s]}}}
            """
                .formatted(
                    task.formatted("AskAnn", endpoint.url("/approve")),
                    task.formatted("AskBob", endpoint.url("/approve"))));
    String id = stepwise.api().start("cb-parallel", Map.of("order", 10));
    awaitTrue(
        () -> types(id).stream().filter("TaskSubmitted"::equals).count() == 2, "both deliveries");
    var tokens =
        endpoint.calls("/approve").stream()
            .filter(c -> id.equals(c.header("Stepwise-Execution-Id")))
            .map(c -> (String) ((Map<String, Object>) c.body()).get("token"))
            .toList();
    assertThat(tokens).hasSize(2).doesNotHaveDuplicates();

    assertThat(success(tokens.get(1), "second").status()).isEqualTo(200);
    assertThat(stepwise.api().execution(id).get("status")).isEqualTo("RUNNING");
    assertThat(success(tokens.get(0), "first").status()).isEqualTo(200);

    var ended = stepwise.api().awaitEnd(id, Duration.ofSeconds(20));
    assertThat(ended.get("status")).isEqualTo("SUCCEEDED");
    // Which branch got which token depends on delivery order; each branch has its own answer.
    assertThat((List<Object>) ended.get("output")).containsExactlyInAnyOrder("first", "second");
    // The branches' tokens are gone once the Parallel state joined: still a conflict, not unknown.
    assertThat(success(tokens.get(0), "again").status()).isEqualTo(409);
  }

  @Test
  void openCallbacksAreAGaugePerStateMachine() {
    approval("cb-gauge", "/approve", "");
    Pattern one =
        Pattern.compile("stepwise_callbacks_open\\{[^}]*state_machine=\"cb-gauge\"[^}]*} 1\\.0");
    Pattern none =
        Pattern.compile("stepwise_callbacks_open\\{[^}]*state_machine=\"cb-gauge\"[^}]*} 0\\.0");
    Waiting waiting = startWaiting("cb-gauge", 9);

    awaitTrue(
        () -> one.matcher(stepwise.api().text("/actuator/prometheus")).find(), "one open callback");
    success(waiting.token(), "ok");

    awaitTrue(
        () -> none.matcher(stepwise.api().text("/actuator/prometheus")).find(), "no open callback");
  }
}
