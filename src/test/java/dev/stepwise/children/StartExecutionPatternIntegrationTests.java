package dev.stepwise.children;

import static dev.stepwise.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.Json;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each pattern of starting a child execution (no suffix, .sync, .sync:2, .waitForTaskToken) and a
 * version ARN, with AWS's result shapes.
 */
class StartExecutionPatternIntegrationTests extends StartExecutionSupport {
  @Test
  void withoutASuffixTheTaskStartsTheChildAndGoesOn() {
    var done =
        api()
            .run(
                "sx-fire",
                """
            {"StartAt": "Start", "States": {"Start": {"Type": "Task",
              "Resource": "arn:aws:states:::states:startExecution",
              "Parameters": {"StateMachineArn": "%ssx-double",
                "Input": {"n": 4, "AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$": "$$.Execution.Id"}},
              "End": true}}}
            """
                    .formatted(ARN),
                Map.of());

    assertThat(done.get("status")).isEqualTo("SUCCEEDED");
    var output = map(done.get("output"));
    String parentId = (String) done.get("executionId");
    var child = children(parentId).getFirst();
    assertThat(output.get("ExecutionArn"))
        .isEqualTo(
            "arn:aws:states:us-east-1:123456789012:execution:sx-double:" + child.get("name"));
    assertThat(output.get("StartDate")).isInstanceOf(Number.class);
    assertThat(output).containsKeys("SdkHttpMetadata", "SdkResponseMetadata");
    assertThat(child)
        .containsEntry("stateMachine", "sx-double")
        .containsEntry("parentExecutionId", parentId)
        .containsEntry(
            "input", Map.of("n", 4, "AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID", parentId));
    var childDone = api().awaitEnd((String) child.get("executionId"), Duration.ofSeconds(20));
    assertThat(childDone.get("output")).isEqualTo(Map.of("doubled", 8));
    assertThat(
            map(api().get("/v1/executions?stateMachine=sx-double").json()).get("items").toString())
        .as("a started execution is one of its state machine's")
        .contains((String) child.get("executionId"));
    assertThat(types(parentId))
        .containsSubsequence("TaskScheduled", "TaskStarted", "TaskSucceeded", "ExecutionSucceeded");
  }

  @Test
  void syncWaitsForTheChildAndGivesItsOutputAsJsonText() {
    var done =
        api()
            .run(
                "sx-sync",
                """
            {"StartAt": "Start", "States": {"Start": {"Type": "Task",
              "Resource": "arn:aws:states:::states:startExecution.sync",
              "Parameters": {"StateMachineArn": "%ssx-double", "Name.$": "$.name",
                             "Input": "{\\"n\\": 21}"},
              "End": true}}}
            """
                    .formatted(ARN),
                Map.of("name", "sync-child-1"));

    assertThat(done.get("status")).isEqualTo("SUCCEEDED");
    var output = map(done.get("output"));
    assertThat(output)
        .containsEntry("Status", "SUCCEEDED")
        .containsEntry("Name", "sync-child-1")
        .containsEntry("StateMachineArn", ARN + "sx-double")
        .containsEntry(
            "ExecutionArn",
            "arn:aws:states:us-east-1:123456789012:execution:sx-double:sync-child-1")
        .containsKeys("StartDate", "StopDate");
    assertThat(output.get("Output")).isInstanceOf(String.class);
    assertThat(Json.parse((String) output.get("Output"))).isEqualTo(Map.of("doubled", 42));
    assertThat(Json.parse((String) output.get("Input"))).isEqualTo(Map.of("n", 21));
    assertThat(types((String) done.get("executionId")))
        .containsSubsequence("TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded");
  }

  @Test
  void sync2GivesTheChildsOutputAsJson() {
    var done =
        api()
            .run(
                "sx-sync2",
                """
            {"QueryLanguage": "JSONata", "StartAt": "Start", "States": {"Start": {"Type": "Task",
              "Resource": "arn:aws:states:::states:startExecution.sync:2",
              "Arguments": {"StateMachineArn": "sx-double", "Input": {"n": "{% $states.input.n %}"}},
              "Output": "{% $states.result.Output %}", "End": true}}}
            """,
                Map.of("n", 5));

    assertThat(done.get("status")).isEqualTo("SUCCEEDED");
    assertThat(done.get("output")).isEqualTo(Map.of("doubled", 10));
  }

  @Test
  void waitForTaskTokenStartsTheChildAndWaitsForTheCallback() {
    api()
        .createStateMachine(
            "sx-callback",
            """
            {"StartAt": "Start", "States": {"Start": {"Type": "Task",
              "Resource": "arn:aws:states:::states:startExecution.waitForTaskToken",
              "Parameters": {"StateMachineArn": "%ssx-slow",
                             "Input": {"token.$": "$$.Task.Token"}},
              "End": true}}}
            """
                .formatted(ARN));
    String id = api().start("sx-callback", Map.of());
    api().awaitEvent(id, "TaskSubmitted", Duration.ofSeconds(20));
    var child = children(id).getFirst();
    String token = (String) map(child.get("input")).get("token");

    var answered = api().sendTaskSuccess(token, Map.of("reviewed", true));

    assertThat(answered.status()).isEqualTo(200);
    var done = api().awaitEnd(id, Duration.ofSeconds(20));
    assertThat(done.get("status")).isEqualTo("SUCCEEDED");
    assertThat(done.get("output")).isEqualTo(Map.of("reviewed", true));
    assertThat(api().execution((String) child.get("executionId")).get("status"))
        .as("the parent does not wait for the child's end, nor stop it")
        .isEqualTo("RUNNING");
  }

  @Test
  void aVersionArnStartsThatVersion() {
    api()
        .createStateMachine(
            "sx-versioned",
            """
            {"StartAt": "V", "States": {"V": {"Type": "Pass", "Result": "one", "End": true}}}
            """);
    api().post("/v1/state-machines/sx-versioned/versions", Map.of());
    api()
        .put(
            "/v1/state-machines/sx-versioned",
            Map.of(
                "definition",
                Json.parse(
                    """
                    {"StartAt": "V", "States": {"V": {"Type": "Pass", "Result": "two", "End": true}}}
                    """)));

    var done =
        api()
            .run(
                "sx-version-parent",
                """
            {"StartAt": "Start", "States": {"Start": {"Type": "Task",
              "Resource": "arn:aws:states:::states:startExecution.sync:2",
              "Parameters": {"StateMachineArn": "%ssx-versioned:1"}, "End": true}}}
            """
                    .formatted(ARN),
                Map.of());

    assertThat(map(done.get("output")))
        .containsEntry("Output", "one")
        .containsEntry("StateMachineVersionArn", ARN + "sx-versioned:1");
  }
}
