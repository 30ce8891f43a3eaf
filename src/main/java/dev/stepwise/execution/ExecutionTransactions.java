package dev.stepwise.execution;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one door of every change to an execution (a start, a step, a redrive, a child's start, a
 * stop, a callback's answer, a timeout): opens the transaction, locks (or inserts) the
 * execution's row, works in a {@link Session}, holds the history to its limit and writes the
 * session's events and counters with {@link SessionWriter}, which publishes what happened. A
 * transient database fault (deadlock, serialization failure, lost connection) is retried a few
 * times with Spring's {@link RetryTemplate}; ASL retries never come through here.
 */
@Component
class ExecutionTransactions {
  private final TransactionTemplate tx;
  private final ExecutionStore executions;
  private final Sessions sessions;
  private final SessionWriter writer;
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
      Sessions sessions,
      SessionWriter writer,
      Termination termination) {
    this.tx = tx.template();
    this.executions = executions;
    this.sessions = sessions;
    this.writer = writer;
    this.termination = termination;
  }

  /**
   * Carries out {@code request}; returns the session it wrote, empty when it wrote nothing (the
   * execution did not exist, was not running, or the work declined).
   *
   * @throws PessimisticLockingFailureException when a request with a lock wait found the row
   *     locked that long
   */
  Optional<Session> run(ChangeRequest request) {
    if (!request.retried()) return attempt(request);
    try {
      return retry.execute(() -> attempt(request));
    } catch (RetryException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
  }

  private Optional<Session> attempt(ChangeRequest request) {
    var written = new AtomicReference<Session>();
    tx.executeWithoutResult(status -> written.set(change(request, status)));
    return Optional.ofNullable(written.get());
  }

  private Session change(ChangeRequest request, TransactionStatus status) {
    ExecutionRow row;
    TokenRow token = null;
    if (request.newExecution() != null) {
      row = request.newExecution().get();
      executions.insert(row);
    } else {
      if (request.lockWait() != null) executions.limitLockWait(request.lockWait());
      if (request.tokenId() == null) {
        row = executions.lock(request.executionId()).orElse(null);
      } else {
        var locked = executions.lockWithToken(request.executionId(), request.tokenId()).orElse(null);
        row = locked == null ? null : locked.row();
        token = locked == null ? null : locked.token();
      }
    }
    if (row == null) {
      if (request.missing() != null) throw request.missing().get();
      return null;
    }
    if (row.status() != ExecutionStatus.RUNNING && !request.anyStatus()) {
      if (!request.otherwise().test(row)) status.setRollbackOnly();
      return null;
    }
    var session = sessions.open(row);
    session.prefetched(token);
    if (!request.work().test(session)) {
      status.setRollbackOnly();
      return null;
    }
    flush(session);
    return session;
  }

  /**
   * Writes what a session accumulated (see {@link SessionWriter#flush}). The history never holds
   * more than the limit: an execution still running once it reaches the limit fails with {@code
   * States.Runtime}, its ExecutionFailed the limit's last event, and the events of this session
   * that would not fit are dropped.
   */
  private void flush(Session session) {
    int limit = session.historyLimit();
    if (!session.isFinished() && session.historySize() >= limit) {
      termination.terminate(
          session,
          ExecutionStatus.FAILED,
          "States.Runtime",
          "The execution reached the limit of " + limit + " history events");
    }
    writer.flush(session);
  }
}
