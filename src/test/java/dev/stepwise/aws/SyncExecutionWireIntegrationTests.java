package dev.stepwise.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.support.Sfn;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.StateMachineTypeNotSupportedException;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;

/** StartSyncExecution on EXPRESS state machines, and the SDK's host prefix for it. */
class SyncExecutionWireIntegrationTests {
  @RegisterExtension
  static final WireService wire =
      WireService.with(Map.of("stepwise.aws.sync-execution-timeout", "2s"));

  @BeforeAll
  static void start() {
    create("sync-pass", StateMachineType.EXPRESS, ExecutionWireIntegrationTests.PASS);
    create("sync-fail", StateMachineType.EXPRESS, ExecutionWireIntegrationTests.FAIL);
    create("sync-wait", StateMachineType.EXPRESS, ExecutionWireIntegrationTests.WAIT);
    create("sync-standard", StateMachineType.STANDARD, ExecutionWireIntegrationTests.PASS);
  }

  @Test
  void runsAnExpressExecutionToItsEndAndAnswersWithItsOutput() {
    var answer =
        wire.sfn()
            .startSyncExecution(
                b ->
                    b.stateMachineArn(Sfn.PREFIX + "stateMachine:sync-pass")
                        .input("{\"k\":\"v\"}"));
    assertThat(answer.status()).isEqualTo(SyncExecutionStatus.SUCCEEDED);
    assertThat(answer.output()).isEqualTo("{\"got\":{\"k\":\"v\"}}");
    assertThat(answer.input()).isEqualTo("{\"k\":\"v\"}");
    assertThat(answer.executionArn()).startsWith(Sfn.PREFIX + "execution:sync-pass:");
    assertThat(answer.stopDate()).isAfterOrEqualTo(answer.startDate());
    assertThat(answer.error()).isNull();
    // Unlike AWS, the history of an express execution is kept.
    assertThat(wire.sfn().getExecutionHistory(b -> b.executionArn(answer.executionArn())).events())
        .isNotEmpty();
  }

  @Test
  void answersAFailureWithItsErrorAndCause() {
    var answer =
        wire.sfn()
            .startSyncExecution(b -> b.stateMachineArn(Sfn.PREFIX + "stateMachine:sync-fail"));
    assertThat(answer.status()).isEqualTo(SyncExecutionStatus.FAILED);
    assertThat(answer.error()).isEqualTo("Oops");
    assertThat(answer.cause()).isEqualTo("on purpose");
    assertThat(answer.output()).isNull();
  }

  @Test
  void stopsAnExecutionThatOutlastsTheSynchronousLimit() {
    var answer =
        wire.sfn()
            .startSyncExecution(b -> b.stateMachineArn(Sfn.PREFIX + "stateMachine:sync-wait"));
    assertThat(answer.status()).isEqualTo(SyncExecutionStatus.TIMED_OUT);
    assertThat(answer.error()).isEqualTo("States.Timeout");
  }

  @Test
  void refusesAStandardStateMachine() {
    assertThatThrownBy(
            () ->
                wire.sfn()
                    .startSyncExecution(
                        b -> b.stateMachineArn(Sfn.PREFIX + "stateMachine:sync-standard")))
        .isInstanceOf(StateMachineTypeNotSupportedException.class);
  }

  @Test
  void aDefaultClientSendsToTheSyncHostWhichTheHostPrefixOptionTurnsOff() {
    // The SDK prefixes "sync-" to the endpoint's host for this operation; "sync-127.0.0.1" is no
    // host at all. Sfn.client sets DISABLE_HOST_PREFIX_INJECTION, and the call above went through.
    try (var plain = Sfn.builder(wire.stepwise().api().base()).build()) {
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
    wire.sfn()
        .createStateMachine(b -> b.name(name).definition(definition).roleArn(Sfn.ROLE).type(type));
  }
}
