package dev.stepwise.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.stepwise.support.Sfn;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sfn.model.ActivityDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ActivityListItem;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidOutputException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/** Activities and their workers, and the SendTask* answers, through the AWS SDK. */
class ActivityWireIntegrationTests {
  @RegisterExtension
  static final WireService wire = WireService.with(Map.of("stepwise.aws.activity-poll-wait", "2s"));

  @Test
  void createsDescribesListsAndDeletesActivities() {
    var created = wire.sfn().createActivity(b -> b.name("act-crud"));
    String arn = Sfn.PREFIX + "activity:act-crud";
    assertThat(created.activityArn()).isEqualTo(arn);
    assertThat(wire.sfn().createActivity(b -> b.name("act-crud")).creationDate())
        .isEqualTo(created.creationDate());

    var described = wire.sfn().describeActivity(b -> b.activityArn(arn));
    assertThat(described.name()).isEqualTo("act-crud");
    assertThat(described.creationDate()).isEqualTo(created.creationDate());
    assertThat(described.encryptionConfiguration().typeAsString()).isEqualTo("AWS_OWNED_KEY");

    for (int i = 0; i < 3; i++) {
      int n = i;
      wire.sfn().createActivity(b -> b.name("act-page-" + n));
    }
    var names =
        wire.sfn().listActivitiesPaginator(b -> b.maxResults(2)).activities().stream()
            .map(ActivityListItem::name)
            .toList();
    assertThat(names).contains("act-crud", "act-page-0", "act-page-1", "act-page-2").isSorted();

    wire.sfn().deleteActivity(b -> b.activityArn(arn));
    assertThatThrownBy(() -> wire.sfn().describeActivity(b -> b.activityArn(arn)))
        .isInstanceOf(ActivityDoesNotExistException.class);
    wire.sfn().deleteActivity(b -> b.activityArn(arn));
  }

  @Test
  void aWorkerTakesATaskHeartbeatsAndAnswersIt() {
    String activity = activityMachine("act-work");
    String execution = start("act-work", "{\"job\":7}");

    GetActivityTaskResponse task = poll(activity, "worker-1");
    assertThat(task.input()).isEqualTo("{\"job\":7}");
    wire.sfn().sendTaskHeartbeat(b -> b.taskToken(task.taskToken()));
    wire.sfn().sendTaskSuccess(b -> b.taskToken(task.taskToken()).output("{\"done\":true}"));

    var ended = awaitEnd(execution);
    assertThat(ended.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(ended.output()).isEqualTo("{\"done\":true}");
    assertThatThrownBy(
            () -> wire.sfn().sendTaskSuccess(b -> b.taskToken(task.taskToken()).output("1")))
        .isInstanceOf(TaskTimedOutException.class);

    var events = wire.sfn().getExecutionHistory(b -> b.executionArn(execution)).events();
    var scheduled = first(events, HistoryEventType.ACTIVITY_SCHEDULED);
    assertThat(scheduled.activityScheduledEventDetails().resource()).isEqualTo(activity);
    assertThat(scheduled.activityScheduledEventDetails().input()).isEqualTo("{\"job\":7}");
    assertThat(scheduled.activityScheduledEventDetails().heartbeatInSeconds()).isEqualTo(60);
    assertThat(first(events, HistoryEventType.ACTIVITY_STARTED).activityStartedEventDetails())
        .satisfies(d -> assertThat(d.workerName()).isEqualTo("worker-1"));
    assertThat(
            first(events, HistoryEventType.ACTIVITY_SUCCEEDED)
                .activitySucceededEventDetails()
                .output())
        .isEqualTo("{\"done\":true}");
  }

  @Test
  void aWorkerFailsATask() {
    String activity = activityMachine("act-fail");
    String execution = start("act-fail", "{}");
    var task = poll(activity, "worker-2");
    wire.sfn().sendTaskFailure(b -> b.taskToken(task.taskToken()).error("Broke").cause("no luck"));
    var ended = awaitEnd(execution);
    assertThat(ended.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(ended.error()).isEqualTo("Broke");
    assertThat(ended.cause()).isEqualTo("no luck");
  }

  @Test
  void aPollWithNoTaskAnswersEmptyAfterTheWait() {
    wire.sfn().createActivity(b -> b.name("act-idle"));
    Instant before = Instant.now();
    var task =
        wire.sfn()
            .getActivityTask(b -> b.activityArn(Sfn.PREFIX + "activity:act-idle").workerName("w"));
    assertThat(task.taskToken()).isNull();
    assertThat(Duration.between(before, Instant.now()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThatThrownBy(
            () -> wire.sfn().getActivityTask(b -> b.activityArn(Sfn.PREFIX + "activity:act-none")))
        .isInstanceOf(ActivityDoesNotExistException.class);
  }

  @Test
  void refusesBadTokensAndOutputs() {
    assertThatThrownBy(
            () -> wire.sfn().sendTaskSuccess(b -> b.taskToken("not-a-token").output("{}")))
        .isInstanceOf(InvalidTokenException.class);
    String unknown = "A".repeat(43);
    assertThatThrownBy(() -> wire.sfn().sendTaskHeartbeat(b -> b.taskToken(unknown)))
        .isInstanceOf(TaskDoesNotExistException.class);
    assertThatThrownBy(() -> wire.sfn().sendTaskSuccess(b -> b.taskToken(unknown).output("{oops")))
        .isInstanceOf(InvalidOutputException.class);
  }

  /** An activity and a state machine whose one Task is that activity; returns the activity ARN. */
  static String activityMachine(String name) {
    String activity = wire.sfn().createActivity(b -> b.name(name)).activityArn();
    String definition =
        """
        {"StartAt": "Work", "States": {"Work": {"Type": "Task", "Resource": "%s",
          "HeartbeatSeconds": 60, "End": true}}}
        """
            .formatted(activity);
    wire.sfn().createStateMachine(b -> b.name(name).definition(definition).roleArn(Sfn.ROLE));
    return activity;
  }

  static String start(String machine, String input) {
    return wire.sfn()
        .startExecution(b -> b.stateMachineArn(Sfn.PREFIX + "stateMachine:" + machine).input(input))
        .executionArn();
  }

  static GetActivityTaskResponse poll(String activity, String worker) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> wire.sfn().getActivityTask(b -> b.activityArn(activity).workerName(worker)),
            t -> t.taskToken() != null);
  }

  static DescribeExecutionResponse awaitEnd(String arn) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> wire.sfn().describeExecution(b -> b.executionArn(arn)),
            d -> d.status() != ExecutionStatus.RUNNING);
  }

  static HistoryEvent first(java.util.List<HistoryEvent> events, HistoryEventType type) {
    return events.stream().filter(e -> e.type() == type).findFirst().orElseThrow();
  }
}
