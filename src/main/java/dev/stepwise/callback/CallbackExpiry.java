package dev.stepwise.callback;

import dev.stepwise.engine.TaskOutcome;
import dev.stepwise.execution.WorkItemChanges;
import dev.stepwise.queue.WorkItem;
import org.springframework.stereotype.Component;

/** A timer of a wait for a callback fired: the state fails, unless it was answered meanwhile. */
@Component
class CallbackExpiry {
  private final CallbackStore store;
  private final WaitingCallbacks waiting;
  private final CallbackOutcomes outcomes;
  private final WorkItemChanges itemChanges;

  CallbackExpiry(
      CallbackStore store,
      WaitingCallbacks waiting,
      CallbackOutcomes outcomes,
      WorkItemChanges itemChanges) {
    this.store = store;
    this.waiting = waiting;
    this.outcomes = outcomes;
    this.itemChanges = itemChanges;
  }

  /**
   * The timer {@code item} (its payload: the task token) fired: the state fails with {@code error}.
   */
  void expire(WorkItem item, String error, String cause) {
    var row = store.find(item.payload()).orElseThrow();
    itemChanges.guard(
        item,
        () ->
            waiting.onWaiting(
                row,
                item,
                (change, token, fresh) ->
                    outcomes.finish(change, token, fresh, new TaskOutcome.Failed(error, cause))));
  }
}
