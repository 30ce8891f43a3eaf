package dev.stepwise.execution;

import dev.stepwise.engine.StepContext;
import dev.stepwise.task.TaskProperties;
import java.time.Clock;
import java.util.UUID;
import java.security.SecureRandom;
import java.util.function.Predicate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens the transaction every change of a running execution goes through: lock the execution's
 * row, work in a {@link Session}, write its events and counters, publish what happened. A
 * transient database fault (deadlock, serialization failure, lost connection) is retried a few
 * times with Spring's {@link RetryTemplate}; ASL retries never come through here.
 */
@Component
class ExecutionTransactions {
  // Task tokens come from it and must not be guessable; otherwise it only jitters retries.
  private static final SecureRandom RANDOM = new SecureRandom();

  private final TransactionTemplate tx;
  private final ExecutionStore executions;
  private final SessionWriter writer;
  private final Interpreters interpreters;
  private final ApplicationEventPublisher publisher;
  private final Clock clock;
  private final StepContext.Limits limits;
  private final int historyLimit;
  private final Termination termination;
  private final RetryTemplate retry =
      new RetryTemplate(
          RetryPolicy.builder()
              .maxRetries(3)
              .delay(java.time.Duration.ofMillis(20))
              .multiplier(2)
              .includes(TransientDataAccessException.class, PessimisticLockingFailureException.class)
              .build());

  ExecutionTransactions(
      JdbcTransactions tx,
      ExecutionStore executions,
      SessionWriter writer,
      Interpreters interpreters,
      ApplicationEventPublisher publisher,
      Clock clock,
      LimitsProperties limits,
      TaskProperties tasks,
      Termination termination) {
    this.tx = tx.template();
    this.executions = executions;
    this.writer = writer;
    this.interpreters = interpreters;
    this.publisher = publisher;
    this.clock = clock;
    this.limits =
        new StepContext.Limits(limits.payloadBytes(), tasks.defaultTimeout(), limits.statesPerStep());
    this.historyLimit = limits.historyEvents();
    this.termination = termination;
  }

  /**
   * Runs {@code work} on the locked execution if it is running. {@code work} returns false to
   * write nothing (the transaction is then rolled back).
   */
  void onExecution(UUID executionId, Predicate<Session> work) {
    onExecution(executionId, work, row -> false);
  }

  /**
   * Like {@link #onExecution(UUID, Predicate)}, but an execution that is not running goes to
   * {@code otherwise} on its locked row (which returns false to write nothing): work addressed to
   * an execution that has ended can still be settled.
   */
  void onExecution(UUID executionId, Predicate<Session> work, Predicate<ExecutionRow> otherwise) {
    try {
      retry.execute(
          () -> {
            tx.executeWithoutResult(
                status -> {
                  var row = executions.lock(executionId).orElse(null);
                  if (row == null) return;
                  if (row.status() != ExecutionStatus.RUNNING) {
                    if (!otherwise.test(row)) status.setRollbackOnly();
                    return;
                  }
                  var session = open(row);
                  if (!work.test(session)) {
                    status.setRollbackOnly();
                    return;
                  }
                  flush(session);
                });
            return null;
          });
    } catch (RetryException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
  }

  /** A session on an execution row this transaction holds (locked, or just inserted). */
  Session open(ExecutionRow row) {
    return new Session(
        row,
        interpreters.get(row.stateMachine(), row.revision()),
        clock.instant(),
        limits,
        RANDOM);
  }

  /**
   * Writes what a session accumulated: its events, the counters, and the after-commit news. An
   * execution whose history would pass the limit fails instead, with {@code States.Runtime}.
   */
  void flush(Session session) {
    if (!session.isFinished() && session.nextEventId() - 1 > historyLimit) {
      termination.terminate(
          session,
          ExecutionStatus.FAILED,
          "States.Runtime",
          "The execution reached the limit of " + historyLimit + " history events");
    }
    if (session.events().isEmpty() && session.lastTokenId() == session.execution().lastTokenId()) {
      return;
    }
    writer.write(session);
    publisher.publishEvent(session.summary());
  }
}
