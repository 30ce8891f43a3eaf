package dev.stepwise.execution;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An execution as stored; JSON columns are kept as text. A child execution names its parent
 * execution: a distributed Map's child also the parent's token that waits for it and its index in
 * the run; one started by a Task state ({@code states:startExecution}) the parent's token and that
 * token's version when the Task waits for its end ({@code .sync}), else neither. An execution
 * started on a version or an alias names them ({@code version} is the alias's choice). {@code
 * startedBy} and {@code stoppedBy} name the callers that started and stopped it. {@code
 * traceParent} and {@code traceState} are the W3C trace context it keeps (a child its parent's),
 * which its Task requests carry on.
 */
public record ExecutionRow(
    UUID id,
    String name,
    String stateMachine,
    int revision,
    ExecutionStatus status,
    String input,
    String output,
    String error,
    String cause,
    Instant startedAt,
    Instant stoppedAt,
    int redriveCount,
    long lastEventId,
    int lastTokenId,
    UUID parentExecutionId,
    Integer parentTokenId,
    Integer parentTokenVersion,
    Integer mapIndex,
    Integer version,
    String alias,
    String startedBy,
    String stoppedBy,
    String traceParent,
    String traceState) {

  /** How a change ends an execution: written with its counters, in one statement. */
  public record Ending(ExecutionStatus status, String output, String error, String cause) {}

  /**
   * This row as a change leaves it: its counters, and its end ({@code ending} at {@code stoppedAt})
   * when it ended (a new execution's row is written once, with its first change).
   */
  ExecutionRow after(long lastEventId, int lastTokenId, Ending ending, Instant stoppedAt) {
    boolean over = ending != null;
    return new ExecutionRow(
        id,
        name,
        stateMachine,
        revision,
        over ? ending.status() : status,
        input,
        over ? ending.output() : output,
        over ? ending.error() : error,
        over ? ending.cause() : cause,
        startedAt,
        over ? stoppedAt : this.stoppedAt,
        redriveCount,
        lastEventId,
        lastTokenId,
        parentExecutionId,
        parentTokenId,
        parentTokenVersion,
        mapIndex,
        version,
        alias,
        startedBy,
        stoppedBy,
        traceParent,
        traceState);
  }

  public boolean isChild() {
    return parentExecutionId != null;
  }

  /**
   * Whether a token of its parent waits for its end (a distributed Map's child, a {@code .sync}).
   */
  public boolean reportsToParent() {
    return parentTokenId != null;
  }

  /** An execution's status, and the only changes allowed between them. */
  public enum ExecutionStatus {
    RUNNING,
    SUCCEEDED,
    FAILED,
    TIMED_OUT,
    ABORTED;

    private static final Map<ExecutionStatus, Set<ExecutionStatus>> ALLOWED =
        Map.of(
            RUNNING, Set.of(SUCCEEDED, FAILED, TIMED_OUT, ABORTED),
            // Redrive takes a stopped execution back to RUNNING.
            FAILED, Set.of(RUNNING),
            TIMED_OUT, Set.of(RUNNING),
            ABORTED, Set.of(RUNNING),
            SUCCEEDED, Set.of());

    public boolean canBecome(ExecutionStatus next) {
      return ALLOWED.get(this).contains(next);
    }
  }
}
