package dev.stepwise.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Task states over the REST API: the request an endpoint gets, its errors caught, retries and
 * timeouts.
 */
class ApiTaskIntegrationTests extends ApiIntegrationSupport {
  @Test
  void sendsTheEffectiveInputWithIdentifyingHeaders() {
    String machine =
        stateMachine(
            "{'StartAt': 'Call', 'States': {'Call': {'Type': 'Task', 'Resource': '"
                + endpoint.url("/echo")
                + "',"
                + " 'Parameters': {'order.$': '$.order', 'fixed': 1}, 'ResultPath': '$.echoed', 'End': true}}}");

    String id = api.start(machine, Map.of("order", 42, "other", "x"));
    var ended = api.awaitEnd(id, END);

    assertThat(ended).containsEntry("status", "SUCCEEDED");
    assertThat(ended.get("output"))
        .isEqualTo(json("{'order': 42, 'other': 'x', 'echoed': {'order': 42, 'fixed': 1}}"));
    var call =
        endpoint.calls("/echo").stream()
            .filter(c -> id.equals(c.header("Stepwise-Execution-Id")))
            .findFirst()
            .orElseThrow();
    assertThat(call.body()).isEqualTo(json("{'order': 42, 'fixed': 1}"));
    assertThat(call.header("Stepwise-State-Name")).isEqualTo("Call");
    assertThat(call.header("Stepwise-Attempt")).isEqualTo("1");
    assertThat(call.header("Idempotency-Key")).isNotBlank();
    assertThat(call.header("Content-Type")).startsWith("application/json");
    assertThat(types(id))
        .containsExactly(
            "ExecutionStarted",
            "TaskStateEntered",
            "TaskScheduled",
            "TaskStarted",
            "TaskSucceeded",
            "TaskStateExited",
            "ExecutionSucceeded");
  }

  @Test
  void catchesTheEndpointsOwnErrorName() {
    String machine =
        stateMachine(
            "{'StartAt': 'Call', 'States': {'Call': {'Type': 'Task', 'Resource': '"
                + endpoint.url("/fail")
                + "',"
                + " 'Catch': [{'ErrorEquals': ['Other'], 'Next': 'Wrong'}, {'ErrorEquals': ['MyError'], 'ResultPath': '$.err', 'Next': 'Caught'}],"
                + " 'End': true},"
                + " 'Wrong': {'Type': 'Fail', 'Error': 'Wrong'},"
                + " 'Caught': {'Type': 'Pass', 'End': true}}}");

    String id = api.start(machine, Map.of("n", 1));
    var ended = api.awaitEnd(id, END);

    assertThat(ended).containsEntry("status", "SUCCEEDED");
    assertThat(ended.get("output"))
        .isEqualTo(json("{'n': 1, 'err': {'Error': 'MyError', 'Cause': 'why'}}"));
    assertThat(types(id)).contains("TaskFailed");
  }

  @Test
  void retriesWithTheNextAttemptNumberAndTheSameIdempotencyKey() {
    String machine =
        stateMachine(
            "{'StartAt': 'Call', 'States': {'Call': {'Type': 'Task', 'Resource': '"
                + endpoint.url("/fail")
                + "',"
                + " 'Retry': [{'ErrorEquals': ['MyError'], 'IntervalSeconds': 1, 'MaxAttempts': 1}], 'End': true}}}");

    String id = api.start(machine, Map.of());
    var ended = api.awaitEnd(id, END);

    assertThat(ended)
        .containsEntry("status", "FAILED")
        .containsEntry("error", "MyError")
        .containsEntry("cause", "why");
    var calls =
        endpoint.calls("/fail").stream()
            .filter(c -> id.equals(c.header("Stepwise-Execution-Id")))
            .toList();
    assertThat(calls).extracting(c -> c.header("Stepwise-Attempt")).containsExactly("1", "2");
    assertThat(calls)
        .extracting(c -> c.header("Idempotency-Key"))
        .doesNotContainNull()
        .containsOnly(calls.getFirst().header("Idempotency-Key"));
  }

  @Test
  void catchesATaskTimeout() {
    String machine =
        stateMachine(
            "{'StartAt': 'Call', 'States': {'Call': {'Type': 'Task', 'Resource': '"
                + endpoint.url("/slow")
                + "',"
                + " 'TimeoutSeconds': 1,"
                + " 'Catch': [{'ErrorEquals': ['States.TaskFailed'], 'Next': 'Wrong'}, {'ErrorEquals': ['States.Timeout'], 'Next': 'Caught'}],"
                + " 'End': true},"
                + " 'Wrong': {'Type': 'Fail', 'Error': 'Wrong'},"
                + " 'Caught': {'Type': 'Pass', 'End': true}}}");

    String id = api.start(machine, Map.of());
    var ended = api.awaitEnd(id, END);

    assertThat(ended).containsEntry("status", "SUCCEEDED");
    assertThat(((Map<?, ?>) ended.get("output")).get("Error")).isEqualTo("States.Timeout");
    assertThat(types(id)).contains("TaskTimedOut").doesNotContain("TaskSucceeded");
  }
}
