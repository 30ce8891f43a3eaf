package dev.stepwise.callback;

import dev.stepwise.engine.Event;
import dev.stepwise.engine.TaskRequest;
import dev.stepwise.execution.DeliveryHandler;
import dev.stepwise.execution.WorkItemChanges;
import dev.stepwise.queue.WorkItem;
import org.springframework.stereotype.Component;

/**
 * The request that carried a task token was delivered: the Task has started and its endpoint's
 * answer is recorded ({@code TaskSubmitted}); the state goes on waiting for the callback.
 */
@Component
class CallbackDeliveries implements DeliveryHandler {
  private final CallbackStore store;
  private final WaitingCallbacks waiting;
  private final WorkItemChanges itemChanges;

  CallbackDeliveries(CallbackStore store, WaitingCallbacks waiting, WorkItemChanges itemChanges) {
    this.store = store;
    this.waiting = waiting;
    this.itemChanges = itemChanges;
  }

  @Override
  public void delivered(WorkItem item, TaskRequest request, Object response) {
    var row = store.find(request.callback().taskToken()).orElseThrow();
    itemChanges.guard(
        item,
        () ->
            waiting.onWaiting(
                row,
                item,
                (change, token, fresh) -> {
                  if (fresh.started()) return;
                  change.add(CallbackOutcomes.started(fresh));
                  change.add(
                      Event.of("TaskSubmitted", "resource", fresh.resource(), "output", response));
                  store.markStarted(fresh.taskToken());
                }));
  }
}
