package dev.stepwise.callback;

import dev.stepwise.engine.Event;
import dev.stepwise.engine.TaskOutcome;
import dev.stepwise.execution.ExecutionChange;
import dev.stepwise.execution.StepApplier;
import dev.stepwise.execution.TokenRow;
import org.springframework.stereotype.Component;

/**
 * Ends a wait for a callback with the Task's outcome (an answer, or a timer that fired): the wait's
 * timers go, its task token is closed, and the state goes on as after any Task (Retry and Catch
 * apply), in the execution's transaction.
 */
@Component
class CallbackOutcomes {
  private final CallbackTimers timers;
  private final CallbackStore store;
  private final StepApplier applier;

  CallbackOutcomes(CallbackTimers timers, CallbackStore store, StepApplier applier) {
    this.timers = timers;
    this.store = store;
    this.applier = applier;
  }

  void finish(ExecutionChange change, TokenRow token, CallbackRow row, TaskOutcome outcome) {
    if (!row.started()) change.add(started(row));
    timers.cancel(row);
    store.close(row.taskToken(), change.now());
    applier.afterTask(change, token, outcome);
  }

  /** The Task's start, recorded once: with its delivery, or else with its outcome. */
  static Event started(CallbackRow row) {
    return Event.of("TaskStarted", "resource", row.resource());
  }
}
