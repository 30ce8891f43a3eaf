package dev.stepwise.execution;

import dev.stepwise.asl.ErrorNames;
import dev.stepwise.queue.WorkHandler;
import dev.stepwise.queue.WorkItem;
import org.springframework.stereotype.Component;

/** A Task waiting for a callback sent no heartbeat for {@code HeartbeatSeconds}. */
@Component
class HeartbeatTimeoutHandler implements WorkHandler {
  private final TaskCallbacks callbacks;

  HeartbeatTimeoutHandler(TaskCallbacks callbacks) {
    this.callbacks = callbacks;
  }

  @Override
  public String kind() {
    return WorkKinds.HEARTBEAT_TIMEOUT;
  }

  @Override
  public void handle(WorkItem item) {
    callbacks.expire(
        item, ErrorNames.HEARTBEAT_TIMEOUT, "No heartbeat within the task's HeartbeatSeconds");
  }
}
