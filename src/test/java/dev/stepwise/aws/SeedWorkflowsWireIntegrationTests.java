package dev.stepwise.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stepwise.support.Resources;
import dev.stepwise.support.SeedLambdas;
import dev.stepwise.support.Sfn;
import dev.stepwise.support.TestEndpoint;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * The three definitions of the article Stepwise was first described from, created, started and
 * followed through the AWS SDK alone, as a program written for AWS would.
 */
class SeedWorkflowsWireIntegrationTests {
  static TestEndpoint lambdas;

  @RegisterExtension
  static final WireService wire =
      WireService.with(
          () -> {
            // The endpoint starts first: the routes name its URL.
            lambdas = SeedLambdas.start();
            return SeedLambdas.routes(lambdas);
          });

  @AfterAll
  static void stop() {
    lambdas.close();
  }

  @Test
  void runsTwoTasksInSequence() {
    String execution = run("seed-sequential", "/seed/sequential.json", "{\"order\":7}");
    var ended = awaitEnd(execution, Duration.ofSeconds(20));
    assertThat(ended.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(ended.output()).isEqualTo("{\"second\":{\"first\":{\"order\":7}}}");
    assertThat(types(execution))
        .containsExactly(
            HistoryEventType.EXECUTION_STARTED,
            HistoryEventType.TASK_STATE_ENTERED,
            HistoryEventType.TASK_SCHEDULED,
            HistoryEventType.TASK_STARTED,
            HistoryEventType.TASK_SUCCEEDED,
            HistoryEventType.TASK_STATE_EXITED,
            HistoryEventType.TASK_STATE_ENTERED,
            HistoryEventType.TASK_SCHEDULED,
            HistoryEventType.TASK_STARTED,
            HistoryEventType.TASK_SUCCEEDED,
            HistoryEventType.TASK_STATE_EXITED,
            HistoryEventType.EXECUTION_SUCCEEDED);
  }

  @Test
  void runsTwoBranchesInParallel() {
    String execution = run("seed-parallel", "/seed/parallel.json", "{}");
    var ended = awaitEnd(execution, Duration.ofSeconds(20));
    assertThat(ended.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(ended.output()).isEqualTo("[\"A\",\"B\"]");
    assertThat(types(execution))
        .contains(HistoryEventType.PARALLEL_STATE_STARTED, HistoryEventType.PARALLEL_STATE_EXITED);
  }

  @Test
  void retriesOnScheduleThenCatches() {
    String execution = run("seed-retry", "/seed/retry.json", "{}");
    // The retries wait 5, 10 and 20 seconds.
    var ended = awaitEnd(execution, Duration.ofSeconds(60));
    // Caught by States.ALL into a Fail state with no Error: FAILED with no error name.
    assertThat(ended.status()).isEqualTo(ExecutionStatus.FAILED);
    var failures =
        wire.sfn().getExecutionHistory(b -> b.executionArn(execution)).events().stream()
            .filter(e -> e.type() == HistoryEventType.TASK_FAILED)
            .toList();
    assertThat(failures).hasSize(4);
    assertThat(failures.getFirst().taskFailedEventDetails().resourceType()).isEqualTo("lambda");
    assertThat(lambdas.calls("/unreliable")).hasSize(4);
  }

  private static String run(String name, String resource, String input) {
    String machine =
        wire.sfn()
            .createStateMachine(
                b -> b.name(name).definition(Resources.text(resource)).roleArn(Sfn.ROLE))
            .stateMachineArn();
    return wire.sfn().startExecution(b -> b.stateMachineArn(machine).input(input)).executionArn();
  }

  private static DescribeExecutionResponse awaitEnd(String execution, Duration atMost) {
    return await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> wire.sfn().describeExecution(b -> b.executionArn(execution)),
            d -> d.status() != ExecutionStatus.RUNNING);
  }

  private static java.util.List<HistoryEventType> types(String execution) {
    return wire.sfn().getExecutionHistoryPaginator(b -> b.executionArn(execution)).events().stream()
        .map(HistoryEvent::type)
        .toList();
  }
}
