package dev.stepwise.execution;

import dev.stepwise.asl.ErrorNames;
import dev.stepwise.queue.WorkHandler;
import dev.stepwise.queue.WorkItem;
import org.springframework.stereotype.Component;

/** A Task waiting for a callback ran out of its {@code TimeoutSeconds}: {@code States.Timeout}. */
@Component
class CallbackTimeoutHandler implements WorkHandler {
  private final TaskCallbacks callbacks;

  CallbackTimeoutHandler(TaskCallbacks callbacks) {
    this.callbacks = callbacks;
  }

  @Override
  public String kind() {
    return WorkKinds.CALLBACK_TIMEOUT;
  }

  @Override
  public void handle(WorkItem item) {
    callbacks.expire(
        item, ErrorNames.TIMEOUT, "The task was not answered within its TimeoutSeconds");
  }
}
