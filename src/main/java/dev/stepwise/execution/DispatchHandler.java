package dev.stepwise.execution;

import dev.stepwise.engine.TaskRequest;
import dev.stepwise.engine.TaskResources;
import java.util.EnumSet;
import java.util.Set;

/**
 * A feature that takes part in a Task's dispatch, inside the transaction that schedules it (the
 * callbacks and activities record a handed-out task token here). Each handler declares the {@link
 * Kind} of dispatch it takes part in, and the core asks it only about requests of that kind, before
 * it enqueues the request; it never calls the feature's classes itself. A plain HTTP Task is of no
 * kind, so no feature is asked about it.
 */
public interface DispatchHandler {
  /** The dispatches a feature takes part in; a request may be of both (a child's task token). */
  enum Kind {
    /** The state hands out a task token and waits for it ({@code .waitForTaskToken}, activity). */
    TASK_TOKEN,
    /** The Task starts an execution here ({@code states:startExecution}, any pattern). */
    START_EXECUTION;

    /** The kinds {@code request} is of; none for a plain HTTP Task. */
    public static Set<Kind> of(TaskRequest request) {
      var kinds = EnumSet.noneOf(Kind.class);
      if (request.callback() != null) kinds.add(TASK_TOKEN);
      if (TaskResources.startsExecution(request.resource())) kinds.add(START_EXECUTION);
      return kinds;
    }
  }

  /** The kind of dispatch this handler takes part in. */
  Kind kind();

  /**
   * Sees the request, of this handler's {@link #kind}, that token {@code tokenId}, at {@code
   * version}, is about to send. Returns true when this feature takes the task over, so no request
   * is sent (an activity's workers pull it; an execution started here).
   */
  boolean take(ExecutionChange change, int tokenId, int version, TaskRequest request);
}
