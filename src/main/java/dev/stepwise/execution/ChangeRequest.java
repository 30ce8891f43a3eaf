package dev.stepwise.execution;

import dev.stepwise.queue.WorkItem;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One change to one execution, as {@link ExecutionTransactions#run} carries it out: which execution
 * (an existing one, locked, or a new one, inserted), whether one of its tokens is read with the
 * lock, how long the lock may be waited for, what happens when the execution is not running, and
 * the work itself. The work returns false to write nothing (the transaction is then rolled back).
 *
 * @param executionId the execution to lock (a new execution's id is its row's)
 * @param newExecution the row to insert, made inside the transaction (a start); null to lock
 * @param tokenId the token read with the lock ({@link ExecutionChange#prefetched()}), or null for
 *     none
 * @param lockWait how long to wait for the lock, once, for a request someone waits on; null to wait
 *     as long as it takes, retried on a transient database fault
 * @param anyStatus whether the work runs on an execution that is not running (a redrive)
 * @param otherwise what an execution that is not running gets instead of the work, on its locked
 *     row (returns false to write nothing): work addressed to one that has ended is still settled
 * @param missing what is thrown when the execution does not exist; null to do nothing
 * @param completes the claimed work item this change is the work of, completed (guarded by its
 *     claim's version) once the execution is locked, whatever its status; a claim lost to another
 *     node writes nothing. Null for none
 */
public record ChangeRequest(
    UUID executionId,
    Supplier<ExecutionRow> newExecution,
    Integer tokenId,
    Duration lockWait,
    boolean anyStatus,
    Predicate<ExecutionRow> otherwise,
    Supplier<? extends RuntimeException> missing,
    WorkItem completes,
    Predicate<ExecutionChange> work) {

  private static final Predicate<ExecutionRow> NOTHING = row -> false;

  public ChangeRequest {
    Objects.requireNonNull(otherwise);
    Objects.requireNonNull(work);
  }

  /** Works on the running execution {@code executionId}; nothing happens to one that ended. */
  public static ChangeRequest on(UUID executionId, Predicate<ExecutionChange> work) {
    return new ChangeRequest(executionId, null, null, null, false, NOTHING, null, null, work);
  }

  /**
   * Inserts the execution {@code row} makes (inside the transaction, so what it reads is consistent
   * with the insert) and works on it. Never retried; when the name is taken (the insert breaks its
   * unique key), nothing is written and {@link ExecutionTransactions#run} returns empty. Inside
   * another execution's transaction (a child's start) it joins that one.
   */
  static ChangeRequest start(Supplier<ExecutionRow> row, Predicate<ExecutionChange> work) {
    return new ChangeRequest(null, row, null, null, false, NOTHING, null, null, work);
  }

  /** Also reads token {@code id} with the lock. */
  ChangeRequest withToken(int id) {
    return new ChangeRequest(
        executionId, newExecution, id, lockWait, anyStatus, otherwise, missing, completes, work);
  }

  /**
   * Waits at most {@code wait} for the lock (a step may hold it up to its evaluation bound), once.
   */
  public ChangeRequest waitingAtMost(Duration wait) {
    return new ChangeRequest(
        executionId, newExecution, tokenId, wait, anyStatus, otherwise, missing, completes, work);
  }

  /** An execution that is not running goes to {@code settle} instead. */
  ChangeRequest otherwise(Predicate<ExecutionRow> settle) {
    return new ChangeRequest(
        executionId, newExecution, tokenId, lockWait, anyStatus, settle, missing, completes, work);
  }

  /** The work runs whatever the execution's status (it checks the status itself). */
  public ChangeRequest whateverItsStatus() {
    return new ChangeRequest(
        executionId, newExecution, tokenId, lockWait, true, otherwise, missing, completes, work);
  }

  /** An execution that does not exist is {@code error}. */
  public ChangeRequest orElseThrow(Supplier<? extends RuntimeException> error) {
    return new ChangeRequest(
        executionId, newExecution, tokenId, lockWait, anyStatus, otherwise, error, completes, work);
  }

  /** Completes {@code item} too (see {@link #completes()}). */
  ChangeRequest completing(WorkItem item) {
    return new ChangeRequest(
        executionId, newExecution, tokenId, lockWait, anyStatus, otherwise, missing, item, work);
  }

  /** Whether a transient fault is retried: not for a request someone waits on, nor an insert. */
  boolean retried() {
    return lockWait == null && newExecution == null;
  }
}
