package dev.stepwise.execution;

import dev.stepwise.engine.TaskRequest;

/**
 * A feature that takes part in a Task's dispatch, inside the transaction that schedules it (the
 * callbacks and activities record a handed-out task token here). The core asks each registered
 * handler before it enqueues the request; it never calls the feature's classes itself.
 */
public interface DispatchHandler {
  /**
   * Sees the request that token {@code tokenId}, at {@code version}, is about to send. Returns true
   * when this feature takes the task over, so no request is sent (an activity's workers pull it).
   */
  boolean take(ExecutionChange change, int tokenId, int version, TaskRequest request);
}
