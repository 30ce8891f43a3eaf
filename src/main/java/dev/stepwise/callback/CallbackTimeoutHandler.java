package dev.stepwise.callback;

import dev.stepwise.asl.ErrorNames;
import dev.stepwise.queue.WorkHandler;
import dev.stepwise.queue.WorkItem;
import org.springframework.stereotype.Component;

/** A Task waiting for a callback ran out of its {@code TimeoutSeconds}: {@code States.Timeout}. */
@Component
class CallbackTimeoutHandler implements WorkHandler {
  private final CallbackExpiry expiry;

  CallbackTimeoutHandler(CallbackExpiry expiry) {
    this.expiry = expiry;
  }

  @Override
  public String kind() {
    return CallbackKinds.CALLBACK_TIMEOUT;
  }

  @Override
  public void handle(WorkItem item) {
    expiry.expire(item, ErrorNames.TIMEOUT, "The task was not answered within its TimeoutSeconds");
  }
}
