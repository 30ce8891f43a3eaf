package dev.stepwise.callback;

import dev.stepwise.asl.ErrorNames;
import dev.stepwise.queue.WorkHandler;
import dev.stepwise.queue.WorkItem;
import org.springframework.stereotype.Component;

/** A Task waiting for a callback sent no heartbeat for {@code HeartbeatSeconds}. */
@Component
class HeartbeatTimeoutHandler implements WorkHandler {
  private final CallbackExpiry expiry;

  HeartbeatTimeoutHandler(CallbackExpiry expiry) {
    this.expiry = expiry;
  }

  @Override
  public String kind() {
    return CallbackKinds.HEARTBEAT_TIMEOUT;
  }

  @Override
  public void handle(WorkItem item) {
    expiry.expire(
        item, ErrorNames.HEARTBEAT_TIMEOUT, "No heartbeat within the task's HeartbeatSeconds");
  }
}
