package dev.stepwise.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.stepwise.support.Sfn;
import dev.stepwise.support.StepwiseInstance;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeMapRunResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.MapRunStatus;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.ValidationException;
import software.amazon.awssdk.services.sfn.model.ValidationExceptionReason;

/**
 * UpdateMapRun changes a running map run: its children are activity tasks the test answers, so it
 * decides when each child ends and sees how many run at once.
 */
class MapRunUpdateWireIntegrationTests {
  static final Map<String, Object> PROPERTIES = Map.of("stepwise.aws.activity-poll-wait", "2s");

  @RegisterExtension static final WireService wire = WireService.with(PROPERTIES);

  /** A distributed Map whose children each wait for a worker of {@code activity}. */
  static String definition(String activity, String fields) {
    return """
        {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ItemsPath": "$.items", %s
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
            "StartAt": "Work", "States": {"Work": {"Type": "Task", "Resource": "%s", "End": true}}}}}}
        """
        .formatted(fields, activity);
  }

  /** Creates the activity and the state machine, starts it on four items; its map run's ARN. */
  static Run start(SfnClient sfn, String name, String fields) {
    String activity = sfn.createActivity(b -> b.name(name + "-work")).activityArn();
    sfn.createStateMachine(
        b -> b.name(name).definition(definition(activity, fields)).roleArn(Sfn.ROLE));
    String execution =
        sfn.startExecution(
                b ->
                    b.stateMachineArn(Sfn.PREFIX + "stateMachine:" + name)
                        .input("{\"items\":[1,2,3,4]}"))
            .executionArn();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !sfn.listMapRuns(b -> b.executionArn(execution)).mapRuns().isEmpty());
    String mapRun =
        sfn.listMapRuns(b -> b.executionArn(execution)).mapRuns().getFirst().mapRunArn();
    return new Run(activity, execution, mapRun);
  }

  record Run(String activity, String execution, String mapRun) {}

  static DescribeMapRunResponse awaitMapRun(
      SfnClient sfn, String mapRun, Predicate<DescribeMapRunResponse> condition) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> sfn.describeMapRun(b -> b.mapRunArn(mapRun)), condition);
  }

  /** Takes the next child's task and answers it: a success, or a failure. */
  static void answer(SfnClient sfn, String activity, boolean succeed) {
    String token =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> sfn.getActivityTask(b -> b.activityArn(activity)).taskToken(),
                t -> t != null);
    if (succeed) {
      sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}"));
    } else {
      sfn.sendTaskFailure(b -> b.taskToken(token).error("Broken").cause("on purpose"));
    }
  }

  static DescribeExecutionResponse awaitEnd(SfnClient sfn, String execution) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> sfn.describeExecution(b -> b.executionArn(execution)),
            e -> e.status() != ExecutionStatus.RUNNING);
  }

  @Test
  void aHigherConcurrencyStartsTheWaitingChildrenAtOnce() {
    var sfn = wire.sfn();
    var run = start(sfn, "update-raise", "\"MaxConcurrency\": 1,");
    var before = awaitMapRun(sfn, run.mapRun(), d -> d.executionCounts().running() == 1);
    assertThat(before.executionCounts().pending()).isEqualTo(3);
    assertThat(before.maxConcurrency()).isEqualTo(1);

    sfn.updateMapRun(b -> b.mapRunArn(run.mapRun()).maxConcurrency(4));

    var raised = awaitMapRun(sfn, run.mapRun(), d -> d.executionCounts().running() == 4);
    assertThat(raised.executionCounts().pending()).isZero();
    assertThat(raised.maxConcurrency()).isEqualTo(4);
    assertThat(raised.status()).isEqualTo(MapRunStatus.RUNNING);
    for (int i = 0; i < 4; i++) answer(sfn, run.activity(), true);
    assertThat(awaitEnd(sfn, run.execution()).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    var done = sfn.describeMapRun(b -> b.mapRunArn(run.mapRun()));
    assertThat(done.status()).isEqualTo(MapRunStatus.SUCCEEDED);
    assertThat(done.maxConcurrency()).isEqualTo(4);
    assertThat(done.executionCounts().succeeded()).isEqualTo(4);
  }

  @Test
  void aRaisedToleranceLetsAFailurePass() {
    var sfn = wire.sfn();
    // Without a tolerance in the definition, the first failure would fail the map run.
    var run = start(sfn, "update-tolerate", "\"MaxConcurrency\": 1,");
    awaitMapRun(sfn, run.mapRun(), d -> d.executionCounts().running() == 1);

    sfn.updateMapRun(b -> b.mapRunArn(run.mapRun()).toleratedFailureCount(1L));
    answer(sfn, run.activity(), false);
    for (int i = 0; i < 3; i++) answer(sfn, run.activity(), true);

    assertThat(awaitEnd(sfn, run.execution()).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    var done = sfn.describeMapRun(b -> b.mapRunArn(run.mapRun()));
    assertThat(done.status()).isEqualTo(MapRunStatus.SUCCEEDED);
    assertThat(done.toleratedFailureCount()).isEqualTo(1L);
    assertThat(done.maxConcurrency()).isEqualTo(1);
    assertThat(done.executionCounts().failed()).isEqualTo(1);
    assertThat(done.executionCounts().succeeded()).isEqualTo(3);
  }

  @Test
  void failuresBeyondALoweredToleranceFailTheMapRunAndItCannotBeUpdatedAfter() {
    var sfn = wire.sfn();
    var run =
        start(
            sfn,
            "update-lower",
            "\"MaxConcurrency\": 1, \"ToleratedFailureCount\": 2, \"ToleratedFailurePercentage\": 80,");
    answer(sfn, run.activity(), false);
    awaitMapRun(
        sfn,
        run.mapRun(),
        d -> d.executionCounts().failed() == 1 && d.executionCounts().running() == 1);

    sfn.updateMapRun(
        b -> b.mapRunArn(run.mapRun()).toleratedFailureCount(0L).toleratedFailurePercentage(10f));

    var ended = awaitEnd(sfn, run.execution());
    assertThat(ended.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(ended.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
    var failed = awaitMapRun(sfn, run.mapRun(), d -> d.status() != MapRunStatus.RUNNING);
    assertThat(failed.status()).isEqualTo(MapRunStatus.FAILED);
    assertThat(failed.toleratedFailureCount()).isZero();
    assertThat(failed.toleratedFailurePercentage()).isEqualTo(10f);

    assertThatThrownBy(() -> sfn.updateMapRun(b -> b.mapRunArn(run.mapRun()).maxConcurrency(2)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(ValidationExceptionReason.CANNOT_UPDATE_COMPLETED_MAP_RUN));
  }

  @Test
  void refusesBadSettingsAndUnknownMapRuns() {
    var sfn = wire.sfn();
    var run = start(sfn, "update-errors", "\"MaxConcurrency\": 1,");
    String mapRun = run.mapRun();
    assertThatThrownBy(() -> sfn.updateMapRun(b -> b.mapRunArn(mapRun).maxConcurrency(-1)))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () -> sfn.updateMapRun(b -> b.mapRunArn(mapRun).toleratedFailurePercentage(100.5f)))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () -> sfn.updateMapRun(b -> b.mapRunArn(mapRun).toleratedFailurePercentage(-1f)))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> sfn.updateMapRun(b -> b.mapRunArn(mapRun).toleratedFailureCount(-1L)))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () ->
                sfn.updateMapRun(
                    b -> b.mapRunArn(mapRun.replaceFirst(":\\d+$", ":999999")).maxConcurrency(2)))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(
            () ->
                sfn.updateMapRun(b -> b.mapRunArn(mapRun.replace("/", "/nope-")).maxConcurrency(2)))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> sfn.updateMapRun(b -> b.mapRunArn("arn:nope").maxConcurrency(2)))
        .isInstanceOf(InvalidArnException.class);
    // Nothing refused changed anything.
    var described = sfn.describeMapRun(b -> b.mapRunArn(mapRun));
    assertThat(described.maxConcurrency()).isEqualTo(1);
    assertThat(described.toleratedFailureCount()).isZero();
    sfn.stopExecution(b -> b.executionArn(run.execution()));
  }

  @Test
  void theNewSettingsHoldAcrossARestart() {
    Run run;
    try (var first = StepwiseInstance.start(PROPERTIES);
        var sfn = Sfn.client(first.api().base())) {
      run = start(sfn, "update-restart", "\"MaxConcurrency\": 1,");
      awaitMapRun(sfn, run.mapRun(), d -> d.executionCounts().running() == 1);
      sfn.updateMapRun(b -> b.mapRunArn(run.mapRun()).maxConcurrency(2));
      awaitMapRun(sfn, run.mapRun(), d -> d.executionCounts().running() == 2);
    }
    try (var second = StepwiseInstance.start(PROPERTIES);
        var sfn = Sfn.client(second.api().base())) {
      assertThat(sfn.describeMapRun(b -> b.mapRunArn(run.mapRun())).maxConcurrency()).isEqualTo(2);
      // A child's end frees its slot for the next child at the updated concurrency: two run again.
      answer(sfn, run.activity(), true);
      var after =
          awaitMapRun(
              sfn,
              run.mapRun(),
              d -> d.executionCounts().succeeded() == 1 && d.executionCounts().running() == 2);
      assertThat(after.executionCounts().pending()).isEqualTo(1);
      for (int i = 0; i < 3; i++) answer(sfn, run.activity(), true);
      assertThat(awaitEnd(sfn, run.execution()).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }
  }
}
