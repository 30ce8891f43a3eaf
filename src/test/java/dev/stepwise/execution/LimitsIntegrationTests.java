package dev.stepwise.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.support.StepwiseInstance;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The history and payload limits end an execution with a clear error instead of running on. */
class LimitsIntegrationTests {
  static StepwiseInstance stepwise;

  @BeforeAll
  static void start() {
    stepwise =
        StepwiseInstance.start(
            Map.of(
                "stepwise.limits.history-events", 50,
                "stepwise.limits.payload-bytes", 1024,
                "stepwise.limits.states-per-step", 7));
  }

  @AfterAll
  static void stop() {
    stepwise.close();
  }

  @Test
  void anEndlessLoopFailsAtTheHistoryLimit() {
    var api = stepwise.api();
    api.createStateMachine(
        "limits-loop",
        """
        {"StartAt": "Spin", "States": {
          "Spin": {"Type": "Pass", "Next": "Again"},
          "Again": {"Type": "Choice", "Choices": [
            {"Variable": "$.stop", "IsPresent": true, "Next": "Out"}], "Default": "Spin"},
          "Out": {"Type": "Succeed"}}}
        """);
    String id = api.start("limits-loop", Map.of());

    var execution = api.awaitEnd(id, Duration.ofSeconds(20));

    assertThat(execution.get("status")).isEqualTo("FAILED");
    assertThat(execution.get("error")).isEqualTo("States.Runtime");
    assertThat((String) execution.get("cause")).contains("limit of 50 history events");
    var history = api.history(id);
    // The step that reached the limit was cut short: ExecutionFailed is the 50th event.
    assertThat(history).hasSize(50);
    assertThat(history.getLast().get("type")).isEqualTo("ExecutionFailed");
    assertThat(history.getLast().get("id")).isEqualTo(50);
    // The failure came after the step's own writes (its token's move and its next work, which
    // ride with the history): it cancelled both, and left no token to go on.
    var jdbc = stepwise.bean(JdbcClient.class);
    assertThat(
            jdbc.sql(
                    "select count(*) from token where execution_id = ?::uuid"
                        + " and status in ('PENDING', 'ACTIVE')")
                .param(id)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("select count(*) from work_item where execution_id = ?::uuid")
                .param(id)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aMapPastTheHistoryLimitFailsAtTheLimit() {
    var api = stepwise.api();
    api.createStateMachine(
        "limits-map",
        """
        {"StartAt": "Each", "States": {"Each": {"Type": "Map", "End": true,
          "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}}
        """);
    String id = api.start("limits-map", java.util.stream.IntStream.range(0, 40).boxed().toList());

    var execution = api.awaitEnd(id, Duration.ofSeconds(20));

    assertThat(execution.get("status")).isEqualTo("FAILED");
    assertThat(execution.get("error")).isEqualTo("States.Runtime");
    assertThat((String) execution.get("cause")).contains("limit of 50 history events");
    var history = api.history(id);
    assertThat(history).hasSize(50);
    assertThat(history.getLast().get("type")).isEqualTo("ExecutionFailed");
  }

  @Test
  void anExecutionThatWouldEndPastTheLimitFailsAtTheLimit() {
    var api = stepwise.api();
    // 30 Pass states write 60 events besides ExecutionStarted and ExecutionSucceeded.
    var states = new StringBuilder();
    for (int i = 1; i <= 30; i++) {
      states
          .append(i > 1 ? "," : "")
          .append("\"P")
          .append(i)
          .append("\": {\"Type\": \"Pass\", ")
          .append(i == 30 ? "\"End\": true}" : "\"Next\": \"P" + (i + 1) + "\"}");
    }
    api.createStateMachine("limits-chain", "{\"StartAt\": \"P1\", \"States\": {" + states + "}}");
    String id = api.start("limits-chain", Map.of());

    var execution = api.awaitEnd(id, Duration.ofSeconds(20));

    assertThat(execution.get("status")).isEqualTo("FAILED");
    assertThat(execution.get("error")).isEqualTo("States.Runtime");
    var history = api.history(id);
    assertThat(history).hasSize(50);
    assertThat(history).noneMatch(e -> "ExecutionSucceeded".equals(e.get("type")));
    assertThat(history.getLast().get("type")).isEqualTo("ExecutionFailed");

    var redrive = api.post("/v1/executions/" + id + "/redrive", Map.of());
    assertThat(redrive.status()).isEqualTo(409);
    assertThat(api.execution(id).get("status")).isEqualTo("FAILED");
    assertThat(api.history(id)).hasSize(50);
  }

  @Test
  void anOversizedStateOutputFailsWithDataLimitExceeded() {
    var api = stepwise.api();
    api.createStateMachine(
        "limits-payload",
        """
        {"StartAt": "Grow", "States": {
          "Grow": {"Type": "Pass", "Parameters": {"a.$": "$.s", "b.$": "$.s", "c.$": "$.s"}, "End": true}}}
        """);
    String id = api.start("limits-payload", Map.of("s", "x".repeat(400)));

    var execution = api.awaitEnd(id, Duration.ofSeconds(20));

    assertThat(execution.get("status")).isEqualTo("FAILED");
    assertThat(execution.get("error")).isEqualTo("States.DataLimitExceeded");
  }

  @Test
  void inputOverThePayloadLimitIsRefused() {
    var response =
        stepwise
            .api()
            .post(
                "/v1/state-machines/limits-payload/executions", Map.of("input", "y".repeat(2000)));
    assertThat(response.status()).isEqualTo(413);
    assertThat(response.header("Content-Type")).contains("application/problem+json");
  }
}
