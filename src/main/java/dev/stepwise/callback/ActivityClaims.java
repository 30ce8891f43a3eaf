package dev.stepwise.callback;

import dev.stepwise.asl.Json;
import dev.stepwise.engine.Event;
import dev.stepwise.execution.ChangeRequest;
import dev.stepwise.execution.ExecutionTransactions;
import dev.stepwise.execution.TokenRow;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * Gives an activity task to a worker in its execution's transaction, together with its {@code
 * ActivityStarted} event and heartbeat timer, so two workers never get the same task and a claimed
 * task is never lost.
 */
@Component
class ActivityClaims {
  private final ExecutionTransactions transactions;
  private final ActivityStore activities;
  private final CallbackStore callbacks;
  private final WaitingCallbacks waiting;
  private final CallbackTimers timers;

  ActivityClaims(
      ExecutionTransactions transactions,
      ActivityStore activities,
      CallbackStore callbacks,
      WaitingCallbacks waiting,
      CallbackTimers timers) {
    this.transactions = transactions;
    this.activities = activities;
    this.callbacks = callbacks;
    this.waiting = waiting;
    this.timers = timers;
  }

  /** Gives the waiting task {@code candidate} to {@code worker}; empty when it is not to be had. */
  Optional<ActivityTask> claim(ActivityStore.Candidate candidate, String worker) {
    var claimed = new AtomicReference<ActivityTask>();
    transactions.run(
        ChangeRequest.on(
            candidate.executionId(),
            change -> {
              claimed.set(null);
              var input = activities.claim(candidate.taskToken(), worker);
              if (input.isEmpty()) return false;
              CallbackRow row = callbacks.find(candidate.taskToken()).orElseThrow();
              TokenRow token = waiting.waitingFor(change, row);
              if (token == null) {
                // Its state moved on (a cancelled branch, a redrive): it leaves the queue.
                callbacks.close(row.taskToken(), change.now());
                return true;
              }
              change.add(
                  Event.of("ActivityStarted", "resource", row.resource(), "workerName", worker));
              timers.heartbeat(change, row);
              claimed.set(new ActivityTask(row.taskToken(), Json.parseStored(input.get())));
              return true;
            }));
    return Optional.ofNullable(claimed.get());
  }
}
