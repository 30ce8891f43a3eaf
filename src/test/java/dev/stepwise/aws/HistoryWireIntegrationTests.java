package dev.stepwise.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stepwise.support.Sfn;
import dev.stepwise.support.TestEndpoint;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/** GetExecutionHistory: AWS's event shapes, order, paging and data left out on request. */
class HistoryWireIntegrationTests {
  static final String DEFINITION =
      """
      {"StartAt": "Start", "States": {
        "Start": {"Type": "Pass", "Result": {"x": 1}, "Assign": {"counter": 1}, "Next": "Call"},
        "Call": {"Type": "Task",
                 "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Echo",
                 "Next": "Decide"},
        "Decide": {"Type": "Choice",
                   "Choices": [{"Variable": "$.x", "NumericEquals": 1, "Next": "Fan"}],
                   "Default": "Fan"},
        "Fan": {"Type": "Parallel", "Next": "Each", "Branches": [
          {"StartAt": "B", "States": {"B": {"Type": "Pass", "End": true}}}]},
        "Each": {"Type": "Map", "Next": "Done", "ItemProcessor": {
          "ProcessorConfig": {"Mode": "INLINE"},
          "StartAt": "I", "States": {"I": {"Type": "Pass", "End": true}}}},
        "Done": {"Type": "Succeed"}}}
      """;

  static TestEndpoint lambdas;

  @RegisterExtension
  static final WireService wire =
      WireService.with(
          () -> {
            // The endpoint starts first: the routes name its URL.
            lambdas = new TestEndpoint().echo("/echo");
            return Map.of(
                "stepwise.tasks.routes[0].resource",
                "arn:aws:lambda:*:*:function:Echo",
                "stepwise.tasks.routes[0].url",
                lambdas.url("/echo"));
          });

  static String execution;

  @BeforeAll
  static void start() {
    wire.sfn().createStateMachine(b -> b.name("history").definition(DEFINITION).roleArn(Sfn.ROLE));
    execution =
        wire.sfn()
            .startExecution(
                b ->
                    b.stateMachineArn(Sfn.PREFIX + "stateMachine:history")
                        .name("h1")
                        .input("{\"in\":1}"))
            .executionArn();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> wire.sfn().describeExecution(b -> b.executionArn(execution)).status(),
            s -> s != ExecutionStatus.RUNNING);
  }

  @AfterAll
  static void stop() {
    lambdas.close();
  }

  @Test
  void eventsCarryAwsTypedDetails() {
    List<HistoryEvent> events =
        wire.sfn().getExecutionHistory(b -> b.executionArn(execution)).events();

    assertThat(events.stream().map(HistoryEvent::id))
        .containsExactlyElementsOf(LongStream.rangeClosed(1, events.size()).boxed().toList());
    assertThat(events.getFirst().previousEventId()).isZero();
    assertThat(events.get(1).previousEventId()).isEqualTo(1);

    var started = events.getFirst();
    assertThat(started.type()).isEqualTo(HistoryEventType.EXECUTION_STARTED);
    assertThat(started.executionStartedEventDetails().input()).isEqualTo("{\"in\":1}");
    assertThat(started.executionStartedEventDetails().roleArn()).isEqualTo(Sfn.ROLE);
    assertThat(started.executionStartedEventDetails().inputDetails().truncated()).isFalse();

    var entered = first(events, HistoryEventType.PASS_STATE_ENTERED);
    assertThat(entered.stateEnteredEventDetails().name()).isEqualTo("Start");
    assertThat(entered.stateEnteredEventDetails().input()).isEqualTo("{\"in\":1}");
    var exited = first(events, HistoryEventType.PASS_STATE_EXITED);
    assertThat(exited.stateExitedEventDetails().output()).isEqualTo("{\"x\":1}");
    assertThat(exited.stateExitedEventDetails().assignedVariables())
        .isEqualTo(Map.of("counter", "1"));
    assertThat(exited.stateExitedEventDetails().assignedVariablesDetails().truncated()).isFalse();

    var scheduled = first(events, HistoryEventType.TASK_SCHEDULED).taskScheduledEventDetails();
    assertThat(scheduled.resourceType()).isEqualTo("lambda");
    assertThat(scheduled.resource())
        .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:Echo");
    assertThat(scheduled.region()).isEqualTo("us-east-1");
    assertThat(scheduled.parameters()).isEqualTo("{\"x\":1}");
    assertThat(first(events, HistoryEventType.TASK_STARTED).taskStartedEventDetails().resource())
        .isEqualTo(scheduled.resource());
    assertThat(first(events, HistoryEventType.TASK_SUCCEEDED).taskSucceededEventDetails().output())
        .isEqualTo("{\"x\":1}");

    assertThat(first(events, HistoryEventType.CHOICE_STATE_ENTERED).stateEnteredEventDetails())
        .isNotNull();
    assertThat(first(events, HistoryEventType.PARALLEL_STATE_STARTED)).isNotNull();
    assertThat(
            first(events, HistoryEventType.MAP_STATE_STARTED)
                .mapStateStartedEventDetails()
                .length())
        .isEqualTo(1);
    var iteration = first(events, HistoryEventType.MAP_ITERATION_STARTED);
    assertThat(iteration.mapIterationStartedEventDetails().name()).isEqualTo("Each");
    assertThat(iteration.mapIterationStartedEventDetails().index()).isZero();

    var succeeded = events.getLast();
    assertThat(succeeded.type()).isEqualTo(HistoryEventType.EXECUTION_SUCCEEDED);
    assertThat(succeeded.executionSucceededEventDetails().output()).isEqualTo("[{\"x\":1}]");
  }

  @Test
  void pagesForwardAndBackward() {
    var all = wire.sfn().getExecutionHistory(b -> b.executionArn(execution)).events();
    var first = wire.sfn().getExecutionHistory(b -> b.executionArn(execution).maxResults(3));
    assertThat(first.events()).hasSize(3);
    assertThat(first.nextToken()).isNotNull();
    var second =
        wire.sfn()
            .getExecutionHistory(
                b -> b.executionArn(execution).maxResults(3).nextToken(first.nextToken()));
    assertThat(second.events().getFirst().id()).isEqualTo(4);

    var paged =
        wire.sfn()
            .getExecutionHistoryPaginator(b -> b.executionArn(execution).maxResults(4))
            .events();
    assertThat(paged.stream().map(HistoryEvent::id))
        .containsExactlyElementsOf(all.stream().map(HistoryEvent::id).toList());

    var reverse =
        wire.sfn()
            .getExecutionHistory(b -> b.executionArn(execution).reverseOrder(true).maxResults(2));
    assertThat(reverse.events().getFirst().type()).isEqualTo(HistoryEventType.EXECUTION_SUCCEEDED);
    assertThat(reverse.events().get(1).id()).isEqualTo(all.size() - 1);
  }

  @Test
  void leavesDataOutWhenAsked() {
    var events =
        wire.sfn()
            .getExecutionHistory(b -> b.executionArn(execution).includeExecutionData(false))
            .events();
    assertThat(events.getFirst().executionStartedEventDetails().input()).isNull();
    assertThat(events.getFirst().executionStartedEventDetails().roleArn()).isEqualTo(Sfn.ROLE);
    assertThat(first(events, HistoryEventType.PASS_STATE_ENTERED).stateEnteredEventDetails().name())
        .isEqualTo("Start");
    assertThat(
            first(events, HistoryEventType.PASS_STATE_ENTERED).stateEnteredEventDetails().input())
        .isNull();
  }

  static HistoryEvent first(List<HistoryEvent> events, HistoryEventType type) {
    return events.stream().filter(e -> e.type() == type).findFirst().orElseThrow();
  }
}
