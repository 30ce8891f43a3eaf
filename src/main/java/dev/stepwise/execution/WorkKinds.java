package dev.stepwise.execution;

import dev.stepwise.engine.TaskRequest;
import dev.stepwise.tracing.ExecutionTrace;

/**
 * The kinds of work item the execution core enqueues and handles, and their payloads (the features
 * keep their own: {@code callback}'s timers, {@code children}'s reports, aborts and starts).
 */
public final class WorkKinds {
  /**
   * Advance a token (entering a state, or a timer that fired). Stored as "STEP", the name it had
   * before "step" came to mean only the interpreter's {@code Step}: queued items keep it.
   */
  public static final String ADVANCE = "STEP";

  /**
   * Start the next children of a fork too large for one transaction; on the parent token, the
   * payload a {@link ForkWork}.
   */
  static final String FORK = "FORK";

  /** Send a Task's request, then record its outcome. */
  static final String TASK = "TASK";

  /** The execution's own {@code TimeoutSeconds} ran out. */
  static final String TIMEOUT = "TIMEOUT";

  /**
   * The payload of a {@link #TASK} item: the request, and the idempotency key that stays the same
   * for every delivery and retry of one entry into the state, the state machine (for metrics), and
   * the trace the execution keeps (copied from its row, which the step that enqueues the item has
   * read anyway, so that the node sending the request needs no read of its own; null in items
   * enqueued before traces were kept).
   */
  record TaskWork(
      TaskRequest request,
      String idempotencyKey,
      String stateMachine,
      String traceParent,
      String traceState) {

    ExecutionTrace trace() {
      return traceParent == null ? null : new ExecutionTrace(traceParent, traceState);
    }
  }

  /**
   * The payload of a {@link #FORK} item: the fork's children from child index {@code from}
   * (inclusive) to {@code to} (exclusive) have yet to start.
   */
  record ForkWork(int from, int to) {}

  private WorkKinds() {}
}
