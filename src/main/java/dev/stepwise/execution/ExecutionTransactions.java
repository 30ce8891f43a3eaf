package dev.stepwise.execution;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;
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
  private final TransactionTemplate tx;
  private final ExecutionStore executions;
  private final Sessions sessions;
  private final SessionWriter writer;
  private final RetryTemplate retry =
      new RetryTemplate(
          RetryPolicy.builder()
              .maxRetries(3)
              .delay(java.time.Duration.ofMillis(20))
              .multiplier(2)
              .includes(TransientDataAccessException.class, PessimisticLockingFailureException.class)
              .build());

  ExecutionTransactions(
      JdbcTransactions tx, ExecutionStore executions, Sessions sessions, SessionWriter writer) {
    this.tx = tx.template();
    this.executions = executions;
    this.sessions = sessions;
    this.writer = writer;
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
    onExecution(executionId, null, work, otherwise);
  }

  /**
   * Like {@link #onExecution(UUID, Predicate, Predicate)}, reading token {@code tokenId} with the
   * lock ({@link Session#prefetched()}; null when it no longer exists).
   */
  void onExecution(
      UUID executionId,
      Integer tokenId,
      Predicate<Session> work,
      Predicate<ExecutionRow> otherwise) {
    try {
      retry.execute(
          () -> {
            attempt(executionId, tokenId, null, work, otherwise);
            return null;
          });
    } catch (RetryException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
  }

  /**
   * Like {@link #onExecution(UUID, Predicate)} for a request someone waits on: waits at most
   * {@code lockWait} for the execution's row (a step may hold it up to its evaluation bound), once.
   *
   * @throws PessimisticLockingFailureException when the row stayed locked that long
   */
  void onExecutionWaitingAtMost(UUID executionId, Duration lockWait, Predicate<Session> work) {
    attempt(executionId, null, lockWait, work, row -> false);
  }

  private void attempt(
      UUID executionId,
      Integer tokenId,
      Duration lockWait,
      Predicate<Session> work,
      Predicate<ExecutionRow> otherwise) {
            tx.executeWithoutResult(
                status -> {
                  if (lockWait != null) executions.limitLockWait(lockWait);
                  ExecutionRow row;
                  TokenRow token = null;
                  if (tokenId == null) {
                    row = executions.lock(executionId).orElse(null);
                  } else {
                    var locked = executions.lockWithToken(executionId, tokenId).orElse(null);
                    row = locked == null ? null : locked.row();
                    token = locked == null ? null : locked.token();
                  }
                  if (row == null) return;
                  if (row.status() != ExecutionStatus.RUNNING) {
                    if (!otherwise.test(row)) status.setRollbackOnly();
                    return;
                  }
                  var session = open(row);
                  session.prefetched(token);
                  if (!work.test(session)) {
                    status.setRollbackOnly();
                    return;
                  }
                  flush(session);
                });
  }

  /** A session on an execution row this transaction holds (locked, or just inserted). */
  Session open(ExecutionRow row) {
    return sessions.open(row);
  }

  /** Writes what a session accumulated (see {@link SessionWriter#flush}). */
  void flush(Session session) {
    writer.flush(session);
  }
}
