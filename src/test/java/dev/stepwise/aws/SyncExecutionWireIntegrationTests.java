package dev.stepwise.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.support.Sfn;
import dev.stepwise.support.StepwiseInstance;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.StateMachineTypeNotSupportedException;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;

/** StartSyncExecution on EXPRESS state machines, and the SDK's host prefix for it. */
class SyncExecutionWireIntegrationTests {
  static StepwiseInstance stepwise;
  static SfnClient sfn;

  @BeforeAll
  static void start() {
    stepwise = StepwiseInstance.start(Map.of("stepwise.aws.sync-execution-timeout", "2s"));
    sfn = Sfn.client(stepwise.api().base());
    create("sync-pass", StateMachineType.EXPRESS, ExecutionWireIntegrationTests.PASS);
    create("sync-fail", StateMachineType.EXPRESS, ExecutionWireIntegrationTests.FAIL);
    create("sync-wait", StateMachineType.EXPRESS, ExecutionWireIntegrationTests.WAIT);
    create("sync-standard", StateMachineType.STANDARD, ExecutionWireIntegrationTests.PASS);
  }

  @AfterAll
  static void stop() {
    sfn.close();
    stepwise.close();
  }

  @Test
  void runsAnExpressExecutionToItsEndAndAnswersWithItsOutput() {
    var answer =
        sfn.startSyncExecution(
            b -> b.stateMachineArn(Sfn.PREFIX + "stateMachine:sync-pass").input("{\"k\":\"v\"}"));
    assertThat(answer.status()).isEqualTo(SyncExecutionStatus.SUCCEEDED);
    assertThat(answer.output()).isEqualTo("{\"got\":{\"k\":\"v\"}}");
    assertThat(answer.input()).isEqualTo("{\"k\":\"v\"}");
    assertThat(answer.executionArn()).startsWith(Sfn.PREFIX + "execution:sync-pass:");
    assertThat(answer.stopDate()).isAfterOrEqualTo(answer.startDate());
    assertThat(answer.error()).isNull();
    // Unlike AWS, the history of an express execution is kept.
    assertThat(sfn.getExecutionHistory(b -> b.executionArn(answer.executionArn())).events())
        .isNotEmpty();
  }

  @Test
  void answersAFailureWithItsErrorAndCause() {
    var answer =
        sfn.startSyncExecution(b -> b.stateMachineArn(Sfn.PREFIX + "stateMachine:sync-fail"));
    assertThat(answer.status()).isEqualTo(SyncExecutionStatus.FAILED);
    assertThat(answer.error()).isEqualTo("Oops");
    assertThat(answer.cause()).isEqualTo("on purpose");
    assertThat(answer.output()).isNull();
  }

  @Test
  void stopsAnExecutionThatOutlastsTheSynchronousLimit() {
    var answer =
        sfn.startSyncExecution(b -> b.stateMachineArn(Sfn.PREFIX + "stateMachine:sync-wait"));
    assertThat(answer.status()).isEqualTo(SyncExecutionStatus.TIMED_OUT);
    assertThat(answer.error()).isEqualTo("States.Timeout");
  }

  @Test
  void refusesAStandardStateMachine() {
    assertThatThrownBy(
            () ->
                sfn.startSyncExecution(
                    b -> b.stateMachineArn(Sfn.PREFIX + "stateMachine:sync-standard")))
        .isInstanceOf(StateMachineTypeNotSupportedException.class);
  }

  @Test
  void aDefaultClientSendsToTheSyncHostWhichTheHostPrefixOptionTurnsOff() {
    // The SDK prefixes "sync-" to the endpoint's host for this operation; "sync-127.0.0.1" is no
    // host at all. Sfn.client sets DISABLE_HOST_PREFIX_INJECTION, and the call above went through.
    try (var plain = Sfn.builder(stepwise.api().base()).build()) {
      assertThatThrownBy(
              () ->
                  plain.startSyncExecution(
                      b -> b.stateMachineArn(Sfn.PREFIX + "stateMachine:sync-pass")))
          .isInstanceOf(SdkClientException.class);
      // Every other operation goes to the endpoint as given.
      assertThat(plain.listStateMachines(b -> b.maxResults(1)).stateMachines()).hasSize(1);
    }
  }

  static void create(String name, StateMachineType type, String definition) {
    sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn(Sfn.ROLE).type(type));
  }
}
