package dev.stepwise.execution;

import dev.stepwise.asl.Json;
import dev.stepwise.engine.Event;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Service;

/**
 * Activities: registering them, and handing their waiting tasks to the workers that poll. A task is
 * claimed in its execution's transaction, together with its {@code ActivityStarted} event and
 * heartbeat timer, so two workers never get the same task and a claimed task is never lost.
 */
@Service
public class ActivityTasks {
  private static final Duration RECHECK = Duration.ofSeconds(1);
  private static final int CANDIDATES = 8;

  private final ActivityStore activities;
  private final CallbackStore callbacks;
  private final CallbackTimers timers;
  private final TokenStore tokens;
  private final ExecutionTransactions transactions;
  private final ActivityWakeups wakeups;
  private final Clock clock;

  ActivityTasks(
      ActivityStore activities,
      CallbackStore callbacks,
      CallbackTimers timers,
      TokenStore tokens,
      ExecutionTransactions transactions,
      ActivityWakeups wakeups,
      Clock clock) {
    this.activities = activities;
    this.callbacks = callbacks;
    this.timers = timers;
    this.tokens = tokens;
    this.transactions = transactions;
    this.wakeups = wakeups;
    this.clock = clock;
  }

  public record Registered(ActivityView activity, boolean created) {}

  /** Registers an activity; registering it again returns the existing one. */
  public Registered register(String name) {
    boolean created = activities.register(name, clock.instant());
    return new Registered(activities.find(name).orElseThrow(), created);
  }

  public ActivityView describe(String name) {
    return activities.find(name).orElseThrow(() -> notFound(name));
  }

  /**
   * Deletes an activity (a no-op when there is none); tasks already waiting stay until answered.
   */
  public void delete(String name) {
    activities.delete(name);
  }

  public List<ActivityView> list(String after, int limit) {
    return activities.list(after, limit);
  }

  /** Hands a waiting task of the activity to {@code worker}, waiting up to {@code wait} for one. */
  public Optional<ActivityTask> poll(String activity, String worker, Duration wait) {
    describe(activity);
    Instant deadline = clock.instant().plus(wait);
    while (true) {
      long seen = wakeups.generation(activity);
      var task = claimOne(activity, worker);
      Duration left = Duration.between(clock.instant(), deadline);
      if (task.isPresent() || left.isNegative() || left.isZero()) return task;
      wakeups.await(activity, seen, left.compareTo(RECHECK) < 0 ? left : RECHECK);
      if (Thread.currentThread().isInterrupted() || wakeups.stopping()) return Optional.empty();
    }
  }

  private Optional<ActivityTask> claimOne(String activity, String worker) {
    for (var candidate : activities.waiting(activity, CANDIDATES)) {
      var claimed = new AtomicReference<ActivityTask>();
      transactions.run(
          ChangeRequest.on(
              candidate.executionId(),
              change -> {
                claimed.set(null);
                var input = activities.claim(candidate.taskToken(), worker);
                if (input.isEmpty()) return false;
                CallbackRow row = callbacks.find(candidate.taskToken()).orElseThrow();
                TokenRow token = tokens.find(change.executionId(), row.tokenId()).orElse(null);
                if (!TaskCallbacks.waits(token, row)) {
                  // Its state moved on (a cancelled branch, a redrive): it leaves the queue.
                  callbacks.close(row.taskToken(), change.now());
                  return true;
                }
                change.add(
                    Event.of("ActivityStarted", "resource", row.resource(), "workerName", worker));
                timers.heartbeat(change, row);
                claimed.set(new ActivityTask(row.taskToken(), Json.parse(input.get())));
                return true;
              }));
      if (claimed.get() != null) return Optional.of(claimed.get());
    }
    return Optional.empty();
  }

  private static ActivityNotFound notFound(String name) {
    return new ActivityNotFound("Activity '" + name + "' does not exist");
  }
}
