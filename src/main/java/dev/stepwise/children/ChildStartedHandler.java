package dev.stepwise.children;

import dev.stepwise.asl.Json;
import dev.stepwise.execution.DeliveryHandler;
import dev.stepwise.queue.WorkHandler;
import dev.stepwise.queue.WorkItem;
import org.springframework.stereotype.Component;

/**
 * A {@code states:startExecution.waitForTaskToken} Task started its execution, which carries the
 * task token: as for a request that delivered one, the feature that handed the token out records
 * the delivery, and the state goes on waiting for the token's answer.
 */
@Component
class ChildStartedHandler implements WorkHandler {
  private final DeliveryHandler delivery;

  ChildStartedHandler(DeliveryHandler delivery) {
    this.delivery = delivery;
  }

  @Override
  public String kind() {
    return ChildKinds.CHILD_STARTED;
  }

  @Override
  public void handle(WorkItem item) {
    var started = Json.readStored(item.payload(), StartedForCallback.class);
    delivery.delivered(item, started.request(), started.answer());
  }
}
