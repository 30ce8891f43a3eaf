package dev.stepwise.teststate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.asl.Json;
import dev.stepwise.task.HttpTaskDispatcher;
import dev.stepwise.task.TaskProperties;
import dev.stepwise.task.TaskRoutes;
import dev.stepwise.teststate.InvalidTestStateRequest.Kind;
import dev.stepwise.teststate.TestStateRequest.InspectionLevel;
import dev.stepwise.teststate.TestStateRequest.MockErrorOutput;
import dev.stepwise.teststate.TestStateRequest.MockInput;
import dev.stepwise.teststate.TestStateRequest.TestStateConfiguration;
import dev.stepwise.teststate.TestStateResponse.InspectionErrorDetails;
import dev.stepwise.teststate.TestStateResponse.TestExecutionStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The TestState service on mocked states and bad requests: no HTTP call, no database. Definitions
 * are written with single quotes.
 */
class StateTesterTests {
  private static final TaskProperties TASKS = TaskProperties.defaults();
  private static final HttpTaskDispatcher DISPATCHER =
      new HttpTaskDispatcher(new TaskRoutes(TASKS), TASKS);
  private static final StateTester TESTER =
      new StateTester(
          DISPATCHER,
          TASKS,
          new TestStateProperties(Duration.ofSeconds(5), false),
          Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC),
          1024,
          Duration.ofSeconds(5));

  @AfterAll
  static void close() {
    DISPATCHER.close();
  }

  private static String q(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  private static TestStateRequest request(
      String definition, String input, InspectionLevel level, MockInput mock) {
    return new TestStateRequest(
        q(definition), null, q(input), level, null, null, null, mock, null, null);
  }

  private static MockInput result(String json) {
    return new MockInput(q(json), null, null);
  }

  private static MockInput error(String error, String cause) {
    return new MockInput(null, new MockErrorOutput(error, cause), null);
  }

  private static InvalidTestStateRequest refused(TestStateRequest request) {
    var thrown = org.assertj.core.api.Assertions.catchThrowable(() -> TESTER.test(request));
    assertThat(thrown).isInstanceOf(InvalidTestStateRequest.class);
    return (InvalidTestStateRequest) thrown;
  }

  @Test
  void infoShowsNoInspectionAndDebugShowsJsonText() {
    String task = "{'Type': 'Task', 'Resource': 'http://svc/x', 'ResultPath': '$.r', 'Next': 'N'}";

    var info = TESTER.test(request(task, "{'a': 1}", null, result("null")));
    var debug = TESTER.test(request(task, "{'a': 1}", InspectionLevel.DEBUG, result("null")));

    assertThat(info.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(info.output()).isEqualTo(q("{'a':1,'r':null}"));
    assertThat(info.nextState()).isEqualTo("N");
    assertThat(info.inspectionData()).isNull();
    assertThat(debug.inspectionData().input()).isEqualTo(q("{'a':1}"));
    assertThat(debug.inspectionData().result()).isEqualTo("null");
    assertThat(debug.inspectionData().afterArguments()).isNull();
    assertThat(debug.inspectionData().request()).isNull();
  }

  @Test
  void aMockedErrorIsRetriableWithTheRetriersIndexAndBackoff() {
    String task =
        "{'Type': 'Task', 'Resource': 'http://svc/x', 'End': true,"
            + " 'Retry': [{'ErrorEquals': ['Nope'], 'IntervalSeconds': 5, 'MaxAttempts': 3}]}";
    var configuration = new TestStateConfiguration(2, null, null, null);

    var response =
        TESTER.test(
            new TestStateRequest(
                q(task),
                null,
                null,
                InspectionLevel.DEBUG,
                null,
                null,
                null,
                error("Nope", "mocked"),
                null,
                configuration));

    assertThat(response.status()).isEqualTo(TestExecutionStatus.RETRIABLE);
    assertThat(response.error()).isEqualTo("Nope");
    assertThat(response.output()).isNull();
    assertThat(response.inspectionData().errorDetails())
        .isEqualTo(new InspectionErrorDetails(null, 0, 20));
  }

  @Test
  void theRoleTheVariablesAndTheContextAreWhatTheStateSees() {
    String pass =
        "{'Type': 'Pass', 'End': true, 'Parameters': {'role.$': '$$.Execution.RoleArn',"
            + " 'state.$': '$$.State.Name', 'token.$': '$$.Task.Token', 'k.$': '$k'}}";

    var response =
        TESTER.test(
            new TestStateRequest(
                q(pass),
                "arn:aws:iam::1:role/r",
                null,
                null,
                null,
                q("{'k': 'v'}"),
                null,
                null,
                q("{'Task': {'Token': 't-1'}}"),
                null));

    assertThat(Json.parse(response.output()))
        .isEqualTo(
            Json.parse(
                q(
                    "{'role': 'arn:aws:iam::1:role/r', 'state': 'StateName', 'token': 't-1',"
                        + " 'k': 'v'}")));
  }

  @Test
  void aDistributedMapFailsWhenItsFailedIterationsPassItsTolerance() {
    String map =
        "{'Type': 'Map', 'End': true, 'ToleratedFailureCount': 1, 'ItemProcessor': {"
            + "'ProcessorConfig': {'Mode': 'DISTRIBUTED', 'ExecutionType': 'STANDARD'},"
            + "'StartAt': 'I', 'States': {'I': {'Type': 'Pass', 'End': true}}}}";

    var within = mapTest(map, 1);
    var beyond = mapTest(map, 2);

    assertThat(within.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(within.output()).isEqualTo("[1,2,3]");
    assertThat(beyond.status()).isEqualTo(TestExecutionStatus.FAILED);
    assertThat(beyond.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
  }

  private static TestStateResponse mapTest(String map, int failures) {
    return TESTER.test(
        new TestStateRequest(
            q(map),
            null,
            "[1, 2, 3]",
            null,
            null,
            null,
            null,
            result("[1, 2, 3]"),
            null,
            new TestStateConfiguration(null, null, failures, null)));
  }

  @Test
  void aCallbackTaskRunsWithAMockOnly() {
    String task =
        "{'Type': 'Task', 'Resource': 'http://svc/approve.waitForTaskToken', 'End': true}";

    var mocked = TESTER.test(request(task, "{}", null, result("{'ok': true}")));
    var unmocked = refused(request(task, "{}", null, null));

    assertThat(mocked.output()).isEqualTo(q("{'ok':true}"));
    assertThat(unmocked.kind()).isEqualTo(Kind.VALIDATION);
    assertThat(unmocked.getMessage()).contains("callback");
  }

  @Test
  void aLoneStatesProblemsPointIntoItsOwnDefinition() {
    var unknownType = refused(request("{'Type': 'Bogus'}", "{}", null, null));
    var notJson = refused(request("{'Type': ", "{}", null, null));

    assertThat(unknownType.kind()).isEqualTo(Kind.INVALID_DEFINITION);
    assertThat(unknownType.diagnostics()).extracting(d -> d.location()).contains("/Type");
    assertThat(notJson.kind()).isEqualTo(Kind.INVALID_DEFINITION);
    assertThat(notJson.diagnostics().getFirst().code()).isEqualTo("INVALID_JSON_DESCRIPTION");
  }

  @Test
  void aLoneStatesTransitionsNeedNoStatesOfTheirOwn() {
    String choice =
        "{'Type': 'Choice', 'Choices': [{'Variable': '$.n', 'IsNumeric': true, 'Next': 'Num'}],"
            + " 'Default': 'Other'}";

    var response = TESTER.test(request(choice, "{'n': 'x'}", null, null));

    assertThat(response.nextState()).isEqualTo("Other");
  }

  @Test
  void fieldsThatCannotRunAreRefusedWithTheirName() {
    String pass = "{'Type': 'Pass', 'End': true}";
    String parallel =
        "{'Type': 'Parallel', 'End': true, 'Branches': [{'StartAt': 'B', 'States': {"
            + "'B': {'Type': 'Pass', 'End': true}}}]}";

    assertThat(refused(request(pass, "{oops", null, null)).kind()).isEqualTo(Kind.INVALID_INPUT);
    assertThat(refused(request(pass, "'" + "x".repeat(2000) + "'", null, null)).getMessage())
        .contains("payload limit");
    assertThat(refused(request(pass, "{}", null, result("{}"))).getMessage()).contains("Pass");
    assertThat(
            refused(
                    request(
                        pass, "{}", null, new MockInput("1", new MockErrorOutput("E", null), null)))
                .getMessage())
        .contains("exactly one");
    assertThat(refused(request(parallel, "{}", null, result("{}"))).getMessage())
        .contains("JSON array");
    var unknownCause =
        new TestStateRequest(
            q(parallel),
            null,
            null,
            null,
            null,
            null,
            null,
            error("E", "c"),
            null,
            new TestStateConfiguration(null, "Nowhere", null, null));
    assertThat(refused(unknownCause).getMessage()).contains("'Nowhere'");
    var notAnObject =
        new TestStateRequest(q(pass), null, null, null, null, "[1]", null, null, null, null);
    assertThat(refused(notAnObject).getMessage()).contains("'variables' must be a JSON object");
    assertThatThrownBy(
            () ->
                TESTER.test(
                    new TestStateRequest(
                        q(pass), null, null, null, true, null, null, null, null, null)))
        .hasMessageContaining("revealSecrets");
  }
}
