package dev.stepwise.children;

import static dev.stepwise.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Child executions that fail, time out or are stopped with their parent, one child per entry into
 * the Task, and the state machine ARN refused or unknown, with AWS's errors.
 */
class StartExecutionFailureIntegrationTests extends StartExecutionSupport {
  @Test
  void aChildThatFailsFailsTheTaskWithItsDescription() {
    var done =
        api()
            .run(
                "sx-child-fails",
                """
            {"StartAt": "Start", "States": {
              "Start": {"Type": "Task", "Resource": "arn:aws:states:::states:startExecution.sync:2",
                "Parameters": {"StateMachineArn": "%ssx-fail"},
                "Catch": [{"ErrorEquals": ["States.TaskFailed"], "Next": "Caught"}], "End": true},
              "Caught": {"Type": "Pass", "End": true}}}
            """
                    .formatted(ARN),
                Map.of());

    assertThat(done.get("status")).isEqualTo("SUCCEEDED");
    var caught = map(done.get("output"));
    assertThat(caught).containsEntry("Error", "States.TaskFailed");
    var description = map(Json.parse((String) caught.get("Cause")));
    assertThat(description)
        .containsEntry("Status", "FAILED")
        .containsEntry("Error", "OutOfStock")
        .containsEntry("Cause", "no more widgets")
        .containsEntry("StateMachineArn", ARN + "sx-fail");
  }

  @Test
  void eachEntryIntoTheTaskStartsOneChildRedrivesIncluded() {
    var failed =
        api()
            .run(
                "sx-redrive",
                """
            {"StartAt": "Start", "States": {"Start": {"Type": "Task",
              "Resource": "arn:aws:states:::states:startExecution.sync",
              "Parameters": {"StateMachineArn": "sx-fail"}, "End": true}}}
            """,
                Map.of());
    String id = (String) failed.get("executionId");
    assertThat(failed)
        .containsEntry("status", "FAILED")
        .containsEntry("error", "States.TaskFailed");
    assertThat(children(id)).hasSize(1);

    assertThat(api().post("/v1/executions/" + id + "/redrive", Map.of()).status()).isEqualTo(200);
    var again = api().awaitEnd(id, Duration.ofSeconds(30));

    assertThat(again.get("status")).isEqualTo("FAILED");
    var children = children(id);
    assertThat(children).hasSize(2);
    assertThat(children)
        .extracting(c -> (String) c.get("name"))
        .doesNotHaveDuplicates()
        .allSatisfy(name -> assertThat(name).startsWith(id + "-").endsWith("-1"));
    assertThat(types(id).stream().filter("TaskSubmitted"::equals)).hasSize(2);
  }

  @Test
  void anUnknownStateMachineFailsWithAwsError() {
    var done =
        api()
            .run(
                "sx-missing",
                """
            {"StartAt": "Start", "States": {
              "Start": {"Type": "Task", "Resource": "arn:aws:states:::states:startExecution.sync",
                "Parameters": {"StateMachineArn": "%snot-there"},
                "Catch": [{"ErrorEquals": ["StepFunctions.StateMachineDoesNotExistException"],
                           "Next": "Caught"}], "End": true},
              "Caught": {"Type": "Pass", "End": true}}}
            """
                    .formatted(ARN),
                Map.of());

    assertThat(done.get("status")).isEqualTo("SUCCEEDED");
    assertThat(map(done.get("output")))
        .containsEntry("Error", "StepFunctions.StateMachineDoesNotExistException")
        .hasEntrySatisfying(
            "Cause",
            cause ->
                assertThat((String) cause)
                    .startsWith("State Machine Does Not Exist: '" + ARN + "not-there'"));
    assertThat(children((String) done.get("executionId"))).isEmpty();
  }

  @Test
  void stoppingTheParentAbortsItsSyncChild() {
    api()
        .createStateMachine(
            "sx-stop",
            """
            {"StartAt": "Start", "States": {"Start": {"Type": "Task",
              "Resource": "arn:aws:states:::states:startExecution.sync",
              "Parameters": {"StateMachineArn": "sx-slow"}, "End": true}}}
            """);
    String id = api().start("sx-stop", Map.of());
    api().awaitEvent(id, "TaskSubmitted", Duration.ofSeconds(20));
    String child = (String) children(id).getFirst().get("executionId");
    assertThat(api().execution(child).get("status")).isEqualTo("RUNNING");

    var stopped = api().post("/v1/executions/" + id + "/stop", Map.of());

    assertThat(stopped.json().get("status")).isEqualTo("ABORTED");
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> "ABORTED".equals(api().execution(child).get("status")));
    assertThat(types(id)).doesNotContain("MapRunAborted");
  }

  @Test
  void aSyncTaskTimesOutAndAbortsItsChild() {
    var done =
        api()
            .run(
                "sx-timeout",
                """
            {"StartAt": "Start", "States": {
              "Start": {"Type": "Task", "Resource": "arn:aws:states:::states:startExecution.sync",
                "Parameters": {"StateMachineArn": "sx-slow"}, "TimeoutSeconds": 1,
                "Catch": [{"ErrorEquals": ["States.Timeout"], "Next": "Late"}], "End": true},
              "Late": {"Type": "Pass", "End": true}}}
            """,
                Map.of());

    assertThat(done.get("status")).isEqualTo("SUCCEEDED");
    assertThat(map(done.get("output"))).containsEntry("Error", "States.Timeout");
    String child =
        (String) children((String) done.get("executionId")).getFirst().get("executionId");
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> "ABORTED".equals(api().execution(child).get("status")));
  }

  @Test
  void aStartWithoutStateMachineArnIsRefusedAndAnUnknownOneAccepted() {
    var response =
        api()
            .post(
                "/v1/definitions/validate",
                Map.of(
                    "definition",
                    Json.parse(
                        """
                        {"StartAt": "A", "States": {
                          "A": {"Type": "Task", "Resource": "arn:aws:states:::states:startExecution.sync",
                                "Parameters": {"Input": {}}, "Next": "B"},
                          "B": {"Type": "Task", "Resource": "arn:aws:states:::states:startExecution",
                                "Parameters": {"StateMachineArn": "created-later"}, "Next": "C"},
                          "C": {"Type": "Task", "Resource": "arn:aws:states:::states:startExecution.sync:3",
                                "Parameters": {"StateMachineArn": "x"}, "End": true}}}
                        """)));

    @SuppressWarnings("unchecked")
    var diagnostics = (List<Map<String, Object>>) response.json().get("diagnostics");
    assertThat(diagnostics)
        .extracting(d -> d.get("code") + " " + d.get("location"))
        .containsExactlyInAnyOrder(
            "SCHEMA_VALIDATION_FAILED /States/A/Parameters", "INVALID_RESOURCE /States/C/Resource");
  }
}
