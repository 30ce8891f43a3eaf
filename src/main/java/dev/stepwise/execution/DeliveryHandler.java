package dev.stepwise.execution;

import dev.stepwise.engine.TaskRequest;
import dev.stepwise.queue.WorkItem;

/**
 * The feature that handed out the task token of a request that was delivered (see {@link
 * DispatchHandler}): the state goes on waiting, now for the token's answer. The core sends the
 * request and, once it was answered with success, hands the rest to this handler; it never calls
 * the feature's classes itself.
 */
public interface DeliveryHandler {
  /**
   * The request carrying a task token was delivered; {@code response} is what it answered. The
   * handler completes {@code item} in the execution's transaction, whatever it records.
   */
  void delivered(WorkItem item, TaskRequest request, Object response);
}
