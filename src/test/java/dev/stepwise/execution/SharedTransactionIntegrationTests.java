package dev.stepwise.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.Json;
import dev.stepwise.statemachine.StateMachines;
import dev.stepwise.support.StepwiseInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a start reads of a state machine (its current revision) is read in the runtime's own
 * transaction, on its connection: it sees the transaction's uncommitted writes and is undone with
 * them.
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
}
