package dev.stepwise.execution;

import dev.stepwise.execution.ExecutionRow.ExecutionStatus;
import dev.stepwise.queue.LogContext;
import dev.stepwise.queue.WorkItem;
import dev.stepwise.queue.WorkQueue;
import dev.stepwise.tracing.StepSpans;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one door of every change to an execution (a start, a step, a redrive, a child's start, a
 * stop, a callback's answer, a timeout): opens the transaction, locks (or inserts) the execution's
 * row, works in an {@link ExecutionChange}, holds the history to its limit and writes the change's
 * events and counters with {@link ExecutionChanges}, which publishes what happened. A transient
 * database fault (deadlock, serialization failure, lost connection) is retried a few times with
 * Spring's {@link RetryTemplate}; ASL retries never come through here.
 *
 * <p>The transactions are plain JDBC ones ({@link JdbcTransactionManager}, on the service's one
 * {@code DataSource}), like every other in the service: what a start reads of a state machine runs
 * in this transaction.
 */
@Component
public class ExecutionTransactions {
  private final TransactionTemplate tx;
  private final ExecutionStore executions;
  private final ExecutionChanges changes;
  private final Termination termination;
  private final StepSpans spans;
  private final WorkQueue queue;
  private final RetryTemplate retry =
      new RetryTemplate(
          RetryPolicy.builder()
              .maxRetries(3)
              .delay(java.time.Duration.ofMillis(20))
              .multiplier(2)
              .includes(
                  TransientDataAccessException.class, PessimisticLockingFailureException.class)
              .build());

  ExecutionTransactions(
      DataSource dataSource,
      ExecutionStore executions,
      ExecutionChanges changes,
      Termination termination,
      StepSpans spans,
      WorkQueue queue) {
    this.tx = new TransactionTemplate(new JdbcTransactionManager(dataSource));
    this.executions = executions;
    this.changes = changes;
    this.termination = termination;
    this.spans = spans;
    this.queue = queue;
  }

  /** The runtime's transactions, for a test that shares one with another module. */
  TransactionTemplate template() {
    return tx;
  }

  /**
   * Carries out {@code request}; returns the change it wrote, empty when it wrote nothing (the
   * execution did not exist, was not running, or the work declined; a new execution's name was
   * taken).
   *
   * @throws PessimisticLockingFailureException when a request with a lock wait found the row locked
   *     that long
   */
  public Optional<ExecutionChange> run(ChangeRequest request) {
    String id = request.executionId() == null ? null : request.executionId().toString();
    // Requests from the APIs (stops, answers) log with the execution too, not only queued work.
    try (var scope = LogContext.execution(id)) {
      return runInContext(request);
    }
  }

  private Optional<ExecutionChange> runInContext(ChangeRequest request) {
    if (request.newExecution() != null) return start(request);
    if (!request.retried()) return attempt(request);
    try {
      return retry.execute(() -> attempt(request));
    } catch (RetryException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
  }

  /**
   * A new execution: never retried. Its name already taken, the insert breaks the unique key and
   * the transaction rolls back: nothing was written (empty), and the caller finds the execution
   * that has the name. (A child's start inside another change is that change's, see {@link
   * #carryOut}.)
   */
  private Optional<ExecutionChange> start(ChangeRequest request) {
    try {
      return attempt(request);
    } catch (DuplicateKeyException e) {
      return Optional.empty();
    }
  }

  private Optional<ExecutionChange> attempt(ChangeRequest request) {
    var written = new AtomicReference<ExecutionChange>();
    tx.executeWithoutResult(
        status -> written.set(carryOut(request, status, status.isNewTransaction())));
    return Optional.ofNullable(written.get());
  }

  /**
   * Carries out {@code request} in the transaction of {@code status}; {@code endsTransaction}: its
   * change is the last thing the transaction writes, and the statement that writes it commits (see
   * {@link ExecutionChanges#flush}).
   */
  private ExecutionChange carryOut(
      ChangeRequest request, TransactionStatus status, boolean endsTransaction) {
    ExecutionRow row;
    TokenRow token = null;
    Boolean completed = null;
    if (request.newExecution() != null) {
      // Inserted by the statement that writes its first change (ExecutionChanges).
      row = request.newExecution().get();
    } else {
      if (request.lockWait() != null) executions.limitLockWait(request.lockWait());
      if (request.tokenId() == null) {
        row = executions.lock(request.executionId()).orElse(null);
      } else {
        var locked =
            executions
                .lockWithToken(request.executionId(), request.tokenId(), request.completes())
                .orElse(null);
        row = locked == null ? null : locked.row();
        token = locked == null ? null : locked.token();
        completed = locked == null ? null : locked.itemCompleted();
      }
    }
    if (row == null) {
      if (request.missing() != null) throw request.missing().get();
      return null;
    }
    if (request.completes() != null && !complete(request.completes(), completed)) {
      // Another node owns the item now: nothing of this change may be written.
      status.setRollbackOnly();
      return null;
    }
    if (row.status() != ExecutionStatus.RUNNING && !request.anyStatus()) {
      if (!request.otherwise().test(row)) status.setRollbackOnly();
      return null;
    }
    try (var span = stepSpan(row, token)) {
      try {
        ExecutionChange change = carryOut(request, status, row, token, endsTransaction);
        if (change != null && spans.recording()) span.entered(change.enteredStates());
        return change;
      } catch (RuntimeException e) {
        span.failed(e);
        throw e;
      }
    }
  }

  /**
   * Completes the work item the change is the work of, unless the locking statement did already
   * ({@code completedWithLock} non-null); false when this node no longer owns it.
   */
  private boolean complete(WorkItem item, Boolean completedWithLock) {
    if (completedWithLock == null) return queue.complete(item);
    if (!completedWithLock) queue.claimLost(item);
    return completedWithLock;
  }

  /** The span of this step; none (and nothing computed for it) when spans are not made. */
  private StepSpans.Open stepSpan(ExecutionRow row, TokenRow token) {
    if (!spans.recording()) return StepSpans.Open.NONE;
    String state = token == null || token.position() == null ? null : token.position().state();
    return spans.step(row.traceParent(), row.id().toString(), row.stateMachine(), state);
  }

  /** The change on the locked (or inserted) running execution, in the span of its step. */
  private ExecutionChange carryOut(
      ChangeRequest request,
      TransactionStatus status,
      ExecutionRow row,
      TokenRow token,
      boolean endsTransaction) {
    var change = changes.open(row);
    change.prefetched(token);
    // New executions this change starts (a distributed Map's children) come through here too,
    // in this transaction.
    change.startsThrough(
        (newRow, work) ->
            carryOut(
                ChangeRequest.start(
                    () -> newRow,
                    started -> {
                      work.accept(started);
                      return true;
                    }),
                status,
                false));
    if (!request.work().test(change)) {
      status.setRollbackOnly();
      return null;
    }
    // A transaction marked for rollback (by a nested change) must not commit with the write.
    flush(change, request.newExecution() != null, endsTransaction && !status.isRollbackOnly());
    return change;
  }

  /**
   * Writes what a change accumulated (see {@link ExecutionChanges#flush}). The history never holds
   * more than the limit: an execution still running once it reaches the limit fails with {@code
   * States.Runtime}, its ExecutionFailed the limit's last event, and the events of this change that
   * would not fit are dropped.
   */
  private void flush(ExecutionChange change, boolean inserting, boolean endsTransaction) {
    int limit = change.historyLimit();
    if (!change.isFinished() && change.historySize() >= limit) {
      // What rides with the history happened before the termination, which must come after it.
      changes.writeCarried(change);
      termination.terminate(
          change,
          ExecutionStatus.FAILED,
          "States.Runtime",
          "The execution reached the limit of " + limit + " history events");
    }
    changes.flush(change, inserting, endsTransaction);
  }
}
