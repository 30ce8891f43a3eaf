package dev.stepwise.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.asl.Json;
import dev.stepwise.statemachine.StateMachineNotFound;
import dev.stepwise.statemachine.StateMachines;
import dev.stepwise.support.StepwiseInstance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The runtime's plain SQL and the state machines' JPA repositories run under one transaction
 * manager: in the runtime's transaction they use one connection, see each other's uncommitted
 * writes, and commit or roll back together.
 */
class SharedTransactionIntegrationTests {
  static final String DEFINITION =
      """
      {"StartAt": "Done", "States": {"Done": {"Type": "Pass", "End": true}}}
      """;

  static StepwiseInstance stepwise;
  static TransactionTemplate runtime;
  static StateMachines stateMachines;
  static JdbcClient jdbc;
  static EntityManager entityManager;

  @BeforeAll
  static void start() {
    stepwise = StepwiseInstance.start();
    runtime = stepwise.bean(JdbcTransactions.class).template();
    stateMachines = stepwise.bean(StateMachines.class);
    jdbc = stepwise.bean(JdbcClient.class);
    entityManager =
        SharedEntityManagerCreator.createSharedEntityManager(
            stepwise.bean(EntityManagerFactory.class));
  }

  @AfterAll
  static void stop() {
    stepwise.close();
  }

  @Test
  void jpaAndTheRuntimesSqlRunInOneDatabaseTransaction() {
    runtime.executeWithoutResult(
        status -> {
          long viaJdbc = jdbc.sql("select txid_current()").query(Long.class).single();
          long viaJpa =
              ((Number) entityManager.createNativeQuery("select txid_current()").getSingleResult())
                  .longValue();
          assertThat(viaJpa).isEqualTo(viaJdbc);
        });
  }

  @Test
  void theRevisionAStartReadsWithJpaSeesTheRuntimesUncommittedWritesAndRollsBackWithThem() {
    String name = "shared-tx-revision";
    stateMachines.create(name, Json.mapper().readTree(DEFINITION), null);

    runtime.executeWithoutResult(
        status -> {
          jdbc.sql("update state_machine set revision = 7 where name = ?").param(name).update();
          // The JPA query sees the runtime's uncommitted write: same connection, same transaction.
          assertThat(stateMachines.currentRevision(name)).isEqualTo(7);
          status.setRollbackOnly();
        });

    assertThat(stateMachines.currentRevision(name)).isEqualTo(1);
  }

  @Test
  void aJpaWriteAndARuntimeWriteRollBackTogether() {
    String name = "shared-tx-rollback";

    assertThatThrownBy(
            () ->
                runtime.executeWithoutResult(
                    status -> {
                      createWithAnExecution(name);
                      throw new IllegalStateException("the step failed");
                    }))
        .hasMessage("the step failed");

    assertThatThrownBy(() -> stateMachines.get(name)).isInstanceOf(StateMachineNotFound.class);
    assertThat(executionsOf(name)).isZero();
  }

  @Test
  void aJpaWriteAndARuntimeWriteCommitTogether() {
    String name = "shared-tx-commit";

    runtime.executeWithoutResult(status -> createWithAnExecution(name));

    assertThat(stateMachines.get(name).revision()).isEqualTo(1);
    assertThat(executionsOf(name)).isOne();
  }

  /** A state machine through JPA and an execution of it through the runtime's SQL. */
  private static void createWithAnExecution(String name) {
    int revision = stateMachines.create(name, Json.mapper().readTree(DEFINITION), null)
        .stateMachine().revision();
    // JPA writes at flush; the runtime's SQL would not see the new rows before it.
    entityManager.flush();
    assertThat(
            jdbc.sql("select count(*) from state_machine_revision where name = ?")
                .param(name)
                .query(Integer.class)
                .single())
        .isOne();
    stepwise
        .bean(ExecutionStore.class)
        .insert(
            new ExecutionRow(
                UUID.randomUUID(), "first", name, revision, ExecutionStatus.RUNNING, "{}", null,
                null, null, Instant.now(), null, 0, 0, 1, null, null, null));
  }

  private static int executionsOf(String name) {
    return jdbc.sql("select count(*) from execution where state_machine = ?")
        .param(name)
        .query(Integer.class)
        .single();
  }
}
