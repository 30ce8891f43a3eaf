package dev.stepwise.children;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.asl.Json;
import dev.stepwise.engine.TaskOutcome;
import dev.stepwise.execution.ExecutionRow;
import dev.stepwise.execution.ExecutionRow.ExecutionStatus;
import dev.stepwise.statemachine.QualifiedName;
import dev.stepwise.task.AwsAccount;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The pure parts of {@code states:startExecution}: reading its parameters, the ARNs it takes and
 * gives, and AWS's StartExecution and DescribeExecution shapes of its results.
 */
class StartExecutionShapesTests {
  private static final ExecutionArns ARNS =
      new ExecutionArns(new AwsAccount("eu-west-1", "111122223333"));
  private static final ChildResults RESULTS = new ChildResults(ARNS);
  private static final Instant STARTED = Instant.parse("2025-03-01T10:00:00.123Z");
  private static final Instant STOPPED = Instant.parse("2025-03-01T10:00:05Z");

  private static ExecutionRow child(
      ExecutionStatus status, String output, String error, String cause, Integer version) {
    return new ExecutionRow(
        UUID.randomUUID(),
        "child-1",
        "Orders",
        3,
        status,
        "{\"n\":1}",
        output,
        error,
        cause,
        STARTED,
        STOPPED,
        0,
        4,
        1,
        UUID.randomUUID(),
        1,
        2,
        null,
        version,
        version == null ? null : "prod",
        null,
        null,
        null,
        null);
  }

  @Test
  void stateMachineArnsOfThisRegionAndAccountAndPlainNamesNameStateMachines() {
    assertThat(ARNS.parse("arn:aws:states:eu-west-1:111122223333:stateMachine:Orders"))
        .contains(new QualifiedName("Orders", null));
    assertThat(ARNS.parse("arn:aws:states:eu-west-1:111122223333:stateMachine:Orders:prod"))
        .contains(new QualifiedName("Orders", "prod"));
    assertThat(ARNS.parse("Orders:2")).contains(new QualifiedName("Orders", "2"));
    assertThat(ARNS.parse("arn:aws:states:us-east-1:111122223333:stateMachine:Orders"))
        .as("another region")
        .isEmpty();
    assertThat(ARNS.parse("arn:aws:states:eu-west-1:999999999999:stateMachine:Orders"))
        .as("another account")
        .isEmpty();
    assertThatThrownBy(() -> ARNS.parse("arn:aws:states:eu-west-1:111122223333:activity:Orders"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid Arn");
    assertThat(ARNS.execution("Orders", "child-1"))
        .isEqualTo("arn:aws:states:eu-west-1:111122223333:execution:Orders:child-1");
  }

  @Test
  void parametersTakeInputAsJsonOrAsJsonText() {
    assertThat(StartParameters.from(Map.of("StateMachineArn", "A", "Input", "{\"a\":[1]}")))
        .isEqualTo(new StartParameters("A", Map.of("a", java.util.List.of(1)), null));
    assertThat(
            StartParameters.from(Map.of("StateMachineArn", "A", "Input", Map.of("b", 2))).input())
        .isEqualTo(Map.of("b", 2));
    assertThat(StartParameters.from(Map.of("StateMachineArn", "A")).input()).isEqualTo(Map.of());
    assertThat(StartParameters.from(Map.of("StateMachineArn", "A", "Name", "n-1")).name())
        .isEqualTo("n-1");
  }

  @Test
  void parametersThatCannotStartAnExecutionAreRefusedWithAwsErrors() {
    assertThat(refusal(Map.of("Input", "{}")).error()).isEqualTo("States.Runtime");
    assertThat(refusal(Map.of("StateMachineArn", "A", "Input", "{not json")).error())
        .isEqualTo("StepFunctions.InvalidExecutionInputException");
    assertThat(refusal(Map.of("StateMachineArn", "A", "Name", "has space")))
        .satisfies(
            f -> {
              assertThat(f.error()).isEqualTo("StepFunctions.InvalidNameException");
              assertThat(f.cause())
                  .startsWith("Invalid Name: 'has space' (Service: AWSStepFunctions;");
            });
  }

  private static TaskOutcome.Failed refusal(Map<String, Object> parameters) {
    try {
      StartParameters.from(parameters);
    } catch (StartParameters.Refused e) {
      return e.failure();
    }
    throw new AssertionError("accepted " + parameters);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @Test
  void aStartAnswersWithTheExecutionArnAndStartDateInMilliseconds() {
    var started = RESULTS.started(child(ExecutionStatus.RUNNING, null, null, null, null));

    assertThat(started)
        .containsEntry(
            "ExecutionArn", "arn:aws:states:eu-west-1:111122223333:execution:Orders:child-1")
        .containsEntry("StartDate", STARTED.toEpochMilli())
        .containsKeys("SdkHttpMetadata", "SdkResponseMetadata");
  }

  @Test
  void syncDescribesTheChildWithJsonTextAndSync2WithJsonValues() {
    var row = child(ExecutionStatus.SUCCEEDED, "{\"doubled\":2}", null, null, 4);

    var sync = map(((TaskOutcome.Succeeded) RESULTS.outcome(row, false)).result());
    var sync2 = map(((TaskOutcome.Succeeded) RESULTS.outcome(row, true)).result());

    assertThat(sync.get("Output")).isEqualTo("{\"doubled\":2}");
    assertThat(sync.get("Input")).isEqualTo("{\"n\":1}");
    assertThat(sync2.get("Output")).isEqualTo(Map.of("doubled", 2));
    assertThat(sync2.get("Input")).isEqualTo(Map.of("n", 1));
    assertThat(sync)
        .containsEntry("Status", "SUCCEEDED")
        .containsEntry("Name", "child-1")
        .containsEntry(
            "StateMachineArn", "arn:aws:states:eu-west-1:111122223333:stateMachine:Orders")
        .containsEntry(
            "StateMachineVersionArn", "arn:aws:states:eu-west-1:111122223333:stateMachine:Orders:4")
        .containsEntry(
            "StateMachineAliasArn",
            "arn:aws:states:eu-west-1:111122223333:stateMachine:Orders:prod")
        .containsEntry("StartDate", STARTED.toEpochMilli())
        .containsEntry("StopDate", STOPPED.toEpochMilli())
        .containsEntry("OutputDetails", Map.of("Included", true));
  }

  @Test
  void aChildThatDidNotSucceedFailsTheTaskWithItsDescriptionAsCause() {
    for (var status :
        new ExecutionStatus[] {
          ExecutionStatus.FAILED, ExecutionStatus.TIMED_OUT, ExecutionStatus.ABORTED
        }) {
      var outcome = RESULTS.outcome(child(status, null, "Boom", "it broke", null), true);

      assertThat(outcome).isInstanceOf(TaskOutcome.Failed.class);
      var failed = (TaskOutcome.Failed) outcome;
      assertThat(failed.error()).isEqualTo("States.TaskFailed");
      assertThat(map(Json.parse(failed.cause())))
          .containsEntry("Status", status.name())
          .containsEntry("Error", "Boom")
          .containsEntry("Cause", "it broke")
          .doesNotContainKey("Output");
    }
  }
}
