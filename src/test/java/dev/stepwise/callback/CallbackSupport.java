package dev.stepwise.callback;

import dev.stepwise.support.Api;
import dev.stepwise.support.StepwiseInstance;
import dev.stepwise.support.TestEndpoint;
import dev.stepwise.support.TestEndpoint.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Task states with {@code .waitForTaskToken}: the endpoint gets the task token, the state waits for
 * {@code /v1/task-tokens/…} answers, bounded by TimeoutSeconds and HeartbeatSeconds. What their
 * tests share: one instance and one endpoint per test class, a state machine that waits for an
 * approval, and the answers sent to its token.
 */
abstract class CallbackSupport {
  static TestEndpoint endpoint;
  static StepwiseInstance stepwise;

  @BeforeAll
  static void start() {
    endpoint = new TestEndpoint();
    endpoint.on("/approve", call -> Answer.ok(Map.of("queued", true)));
    endpoint.on("/down", call -> new Answer(500, Map.of("error", "Down", "cause", "maintenance")));
    stepwise = StepwiseInstance.start();
  }

  @AfterAll
  static void stop() {
    stepwise.close();
    endpoint.close();
  }

  /** A state machine whose Approve state waits for a callback; {@code fields} go into it. */
  static void approval(String name, String path, String fields) {
    stepwise
        .api()
        .createStateMachine(
            name,
            """
            {"StartAt": "Approve", "States": {
              "Approve": {"Type": "Task", "Resource": "%s.waitForTaskToken",
                "Parameters": {"token.$": "$$.Task.Token", "order.$": "$.order"},
                "ResultPath": "$.approval", %s
                "Catch": [{"ErrorEquals": ["Rejected"], "ResultPath": "$.rejection", "Next": "Rejected"}],
                "Next": "Approved"},
              "Approved": {"Type": "Pass", "End": true},
              "Rejected": {"Type": "Pass", "Result": "rejected", "ResultPath": "$.outcome", "End": true}}}
            """
                .formatted(endpoint.url(path), fields));
  }

  /** Starts an execution and waits until its request delivered the task token; returns it. */
  static Waiting startWaiting(String stateMachine, int order) {
    Api api = stepwise.api();
    String id = api.start(stateMachine, Map.of("order", order));
    awaitTrue(() -> types(id).contains("TaskSubmitted"), "the token to be delivered for " + id);
    var call =
        endpoint.calls("/approve").stream()
            .filter(c -> id.equals(c.header("Stepwise-Execution-Id")))
            .findFirst()
            .orElseThrow();
    return new Waiting(id, call);
  }

  record Waiting(String executionId, TestEndpoint.Call call) {
    @SuppressWarnings("unchecked")
    String token() {
      return (String) ((Map<String, Object>) call.body()).get("token");
    }
  }

  static Api.Response success(String token, Object output) {
    return stepwise
        .api()
        .post("/v1/task-tokens/success", Map.of("taskToken", token, "output", output));
  }

  static Api.Response heartbeat(String token) {
    return stepwise.api().post("/v1/task-tokens/heartbeat", Map.of("taskToken", token));
  }

  static List<String> types(String executionId) {
    return stepwise.api().history(executionId).stream().map(e -> (String) e.get("type")).toList();
  }

  static void awaitTrue(BooleanSupplier condition, String what) {
    Instant deadline = Instant.now().plusSeconds(20);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline))
        throw new AssertionError("timed out waiting for " + what);
      pause(Duration.ofMillis(50));
    }
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
