package dev.stepwise.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Strings with NUL characters come back as they were: in errors and causes, descriptions, task
 * token failures, input and output.
 */
class JsonNulRoundTripIntegrationTests extends JsonFidelitySupport {
  @Test
  void anEndpointsErrorAndCauseWithNulRoundTrip() {
    String name =
        machine(
            """
            {"StartAt": "Call", "States": {
              "Call": {"Type": "Task", "Resource": "%s", "End": true}}}
            """
                .formatted(endpoint.url("/nul-error")));

    String id = api.start(name, Map.of());
    var ended = api.awaitEnd(id, END);

    assertThat(ended).containsEntry("status", "FAILED");
    assertThat(ended)
        .containsEntry("error", "Bad" + NUL + "Err")
        .containsEntry("cause", "x" + NUL + "y");
    assertThat(event(id, "TaskFailed")).containsEntry("error", "Bad" + NUL + "Err");
    assertThat(event(id, "ExecutionFailed"))
        .containsEntry("error", "Bad" + NUL + "Err")
        .containsEntry("cause", "x" + NUL + "y");
    var listed = api.get("/v1/executions?stateMachine=" + name).json();
    assertThat((List<?>) listed.get("items"))
        .singleElement()
        .satisfies(
            item -> assertThat(((Map<?, ?>) item).get("error")).isEqualTo("Bad" + NUL + "Err"));
  }

  @Test
  void aDescriptionWithNulRoundTrips() {
    String name = "fidelity-described-" + COUNTER.incrementAndGet();
    String pass = "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}";
    var created =
        api.post(
            "/v1/state-machines",
            Map.of("name", name, "definition", pass, "description", "first" + NUL + "one"));
    assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
    assertThat(created.json()).containsEntry("description", "first" + NUL + "one");
    assertThat(api.get("/v1/state-machines/" + name).json())
        .containsEntry("description", "first" + NUL + "one");

    var updated =
        api.put(
            "/v1/state-machines/" + name,
            Map.of("definition", pass.replace("\"P\"", "\"Q\""), "description", "second" + NUL));
    assertThat(updated.status()).as("%s", updated.body()).isEqualTo(200);

    assertThat(api.get("/v1/state-machines/" + name).json())
        .containsEntry("description", "second" + NUL);
    assertThat(api.get("/v1/state-machines/" + name + "/revisions/1").json())
        .containsEntry("description", "first" + NUL + "one");
  }

  @Test
  void aStopsErrorAndCauseWithNulRoundTrip() {
    String name =
        machine(
            "{\"StartAt\": \"W\", \"States\": {\"W\": {\"Type\": \"Wait\", \"Seconds\": 60, \"End\": true}}}");
    String id = api.start(name, Map.of());

    var stopped =
        api.post(
            "/v1/executions/" + id + "/stop", Map.of("error", "Halt" + NUL, "cause", NUL + "why"));

    assertThat(stopped.status()).as("%s", stopped.body()).isEqualTo(200);
    assertThat(api.execution(id))
        .containsEntry("status", "ABORTED")
        .containsEntry("error", "Halt" + NUL)
        .containsEntry("cause", NUL + "why");
    assertThat(event(id, "ExecutionAborted"))
        .containsEntry("error", "Halt" + NUL)
        .containsEntry("cause", NUL + "why");
  }

  @Test
  void aTaskTokenFailureWithNulRoundTrips() {
    String name =
        machine(
            """
            {"StartAt": "Approve", "States": {
              "Approve": {"Type": "Task", "Resource": "%s.waitForTaskToken",
                "Parameters": {"token.$": "$$.Task.Token"}, "End": true}}}
            """
                .formatted(endpoint.url("/approve")));
    String id = api.start(name, Map.of());
    String token = awaitToken(id);

    var failed =
        api.post(
            "/v1/task-tokens/failure",
            Map.of("taskToken", token, "error", "Re" + NUL + "jected", "cause", "no" + NUL));

    assertThat(failed.status()).as("%s", failed.body()).isEqualTo(200);
    var ended = api.awaitEnd(id, END);
    assertThat(ended)
        .containsEntry("status", "FAILED")
        .containsEntry("error", "Re" + NUL + "jected")
        .containsEntry("cause", "no" + NUL);
    assertThat(event(id, "TaskFailed")).containsEntry("error", "Re" + NUL + "jected");
  }

  @SuppressWarnings("unchecked")
  private static String awaitToken(String executionId) {
    Instant deadline = Instant.now().plus(END);
    while (Instant.now().isBefore(deadline)) {
      var call =
          endpoint.calls("/approve").stream()
              .filter(c -> executionId.equals(c.header("Stepwise-Execution-Id")))
              .findFirst();
      if (call.isPresent()) return (String) ((Map<String, Object>) call.get().body()).get("token");
      pause(Duration.ofMillis(50));
    }
    throw new AssertionError("no task token for " + executionId);
  }

  @Test
  void aFailStatesErrorAndCauseWithNulRoundTrip() {
    String name =
        machine(
            "{\"StartAt\": \"F\", \"States\": {\"F\": {\"Type\": \"Fail\", \"Error\": \"E\\u0000rr\","
                + " \"Cause\": \"C\\u0000\"}}}");

    for (int i = 0; i < 2; i++) {
      var started =
          api.post("/v1/state-machines/" + name + "/executions", Map.of("input", Map.of()));
      assertThat(started.status()).as("%s", started.body()).isEqualTo(201);
      String id = (String) started.json().get("executionId");
      assertThat(api.awaitEnd(id, END))
          .containsEntry("status", "FAILED")
          .containsEntry("error", "E" + NUL + "rr")
          .containsEntry("cause", "C" + NUL);
      assertThat(event(id, "FailStateEntered")).isNotNull();
    }
  }

  @Test
  void inputAndOutputStringsWithNulRoundTrip() {
    String name =
        machine(
            """
            {"StartAt": "P", "States": {
              "P": {"Type": "Pass", "Parameters": {"copy.$": "$.s", "k\\u0000ey": "v\\u0000"}, "End": true}}}
            """);
    var input = Map.of("s", "a" + NUL + "b");

    String id = api.start(name, input);
    var ended = api.awaitEnd(id, END);

    assertThat(ended).containsEntry("status", "SUCCEEDED").containsEntry("input", input);
    assertThat(ended.get("output"))
        .isEqualTo(Map.of("copy", "a" + NUL + "b", "k" + NUL + "ey", "v" + NUL));
    assertThat(event(id, "ExecutionStarted")).containsEntry("input", input);
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
