package dev.stepwise.children;

import static dev.stepwise.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.Json;
import dev.stepwise.support.Api;
import dev.stepwise.support.StepwiseInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Definitions written for AWS that start executions of other state machines ({@code
 * arn:aws:states:::states:startExecution} and its {@code .sync}, {@code .sync:2} and {@code
 * .waitForTaskToken} patterns) run against the service and PostgreSQL, with AWS's result shapes and
 * errors.
 */
class StartExecutionIntegrationTests {
  static final String ARN = "arn:aws:states:us-east-1:123456789012:stateMachine:";
  static StepwiseInstance stepwise;

  @BeforeAll
  static void start() {
    stepwise = StepwiseInstance.start();
    var api = stepwise.api();
    api.createStateMachine(
        "sx-double",
        """
        {"StartAt": "Double", "States": {"Double": {"Type": "Pass",
          "Parameters": {"doubled.$": "States.MathAdd($.n, $.n)"}, "End": true}}}
        """);
    api.createStateMachine(
        "sx-fail",
        """
        {"StartAt": "Fail", "States": {"Fail": {"Type": "Fail",
          "Error": "OutOfStock", "Cause": "no more widgets"}}}
        """);
    api.createStateMachine(
        "sx-slow",
        """
        {"StartAt": "Sleep", "States": {"Sleep": {"Type": "Wait", "Seconds": 600, "End": true}}}
        """);
  }

  @AfterAll
  static void stop() {
    stepwise.close();
  }

  static Api api() {
    return stepwise.api();
  }

  static List<Map<String, Object>> children(String parentId) {
    return childrenOf(api(), parentId);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> childrenOf(Api api, String parentId) {
    return (List<Map<String, Object>>)
        api.get("/v1/executions?parentExecution=" + parentId).json().get("items");
  }

  static List<String> types(String executionId) {
    return api().history(executionId).stream().map(e -> (String) e.get("type")).toList();
  }

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
