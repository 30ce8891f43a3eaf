package dev.stepwise.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.Json;
import dev.stepwise.lifecycle.ExecutionControl;
import dev.stepwise.statemachine.StateMachines;
import dev.stepwise.support.StepwiseInstance;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a start reads of a state machine (its current revision) is read in the runtime's own
 * transaction, on its connection: it sees the transaction's uncommitted writes and is undone with
 * them. A change made inside a transaction the runtime did not open leaves its commit to that
 * transaction (the runtime's own transactions commit with their last statement).
 */
class SharedTransactionIntegrationTests {
  static StepwiseInstance stepwise;
  static TransactionTemplate runtime;
  static StateMachines stateMachines;
  static JdbcClient jdbc;

  @BeforeAll
  static void start() {
    stepwise = StepwiseInstance.start();
    runtime = stepwise.bean(ExecutionTransactions.class).template();
    stateMachines = stepwise.bean(StateMachines.class);
    jdbc = stepwise.bean(JdbcClient.class);
  }

  @AfterAll
  static void stop() {
    stepwise.close();
  }

  @Test
  void theRevisionAStartReadsSeesTheRuntimesUncommittedWritesAndRollsBackWithThem() {
    String name = "shared-tx-revision";
    stateMachines.create(
        name,
        Json.mapper()
            .readTree(
                """
            {"StartAt": "Done", "States": {"Done": {"Type": "Pass", "End": true}}}
            """),
        null);

    runtime.executeWithoutResult(
        status -> {
          jdbc.sql("update state_machine set revision = 7 where name = ?").param(name).update();
          // Another connection would still read 1: this read is in the runtime's transaction.
          assertThat(stateMachines.currentRevision(name)).isEqualTo(7);
          status.setRollbackOnly();
        });

    assertThat(stateMachines.currentRevision(name)).isEqualTo(1);
  }

  @Test
  void aChangeInsideATransactionTheRuntimeDidNotOpenIsUndoneWithIt() {
    String name = "shared-tx-stop";
    stepwise
        .api()
        .createStateMachine(
            name,
            """
            {"StartAt": "Hold", "States": {"Hold": {"Type": "Wait", "Seconds": 600, "End": true}}}
            """);
    String id = stepwise.api().start(name, Map.of());
    var control = stepwise.bean(ExecutionControl.class);

    runtime.executeWithoutResult(
        status -> {
          control.stop(id, "Test.Stop", "undone with the outer transaction");
          assertThat(
                  jdbc.sql("select status from execution where id = ?::uuid")
                      .param(id)
                      .query(String.class)
                      .single())
              .isEqualTo("ABORTED");
          status.setRollbackOnly();
        });

    assertThat(stepwise.api().execution(id).get("status")).isEqualTo("RUNNING");
    assertThat(stepwise.api().history(id))
        .noneMatch(event -> "ExecutionAborted".equals(event.get("type")));
  }
}
