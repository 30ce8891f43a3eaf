package dev.stepwise.callback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Activities: registering them, and handing their waiting tasks to the workers that poll (each
 * claimed in its execution's transaction by {@link ActivityClaims}).
 */
@Service
public class ActivityTasks {
  private static final Duration RECHECK = Duration.ofSeconds(1);
  private static final int CANDIDATES = 8;

  private final ActivityStore activities;
  private final ActivityClaims claims;
  private final ActivityWakeups wakeups;
  private final Clock clock;

  ActivityTasks(
      ActivityStore activities, ActivityClaims claims, ActivityWakeups wakeups, Clock clock) {
    this.activities = activities;
    this.claims = claims;
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
      var claimed = claims.claim(candidate, worker);
      if (claimed.isPresent()) return claimed;
    }
    return Optional.empty();
  }

  private static ActivityNotFound notFound(String name) {
    return new ActivityNotFound("Activity '" + name + "' does not exist");
  }
}
