package dev.stepwise.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The chaos test's schedule, spread over the load period: replicas killed with -9 and started
 * again, one frozen with SIGSTOP past its lease, PostgreSQL restarted. It counts what it did, for
 * the test to check that the chaos happened.
 */
final class ChaosSchedule {
  final AtomicBoolean done = new AtomicBoolean();
  final AtomicInteger kills = new AtomicInteger();
  final AtomicInteger pauses = new AtomicInteger();
  final AtomicInteger databaseRestarts = new AtomicInteger();
  private final Duration load;
  private final Duration lease;
  private final ChaosTimeline timeline;

  ChaosSchedule(Duration load, Duration lease, ChaosTimeline timeline) {
    this.load = load;
    this.lease = lease;
    this.timeline = timeline;
  }

  /** Runs the schedule; {@link #done} is set when it is over, however it ended. */
  void run(Replicas replicas, ChaosPostgres postgres) {
    try {
      int next = 0;
      var plan = new TreeMap<Double, String>();
      plan.put(0.05, "kill");
      plan.put(0.15, "kill");
      plan.put(0.30, "pause");
      plan.put(0.42, "postgres");
      plan.put(0.55, "kill");
      plan.put(0.70, "kill");
      plan.put(0.85, "kill");
      for (var step : plan.entrySet()) {
        long at = (long) (load.toMillis() * step.getKey());
        long wait = at - timeline.sinceLoadStart().toMillis();
        if (wait > 0) Thread.sleep(wait);
        if (step.getValue().equals("postgres")) {
          timeline.note("PostgreSQL stops (fast shutdown)");
          Duration took = postgres.restart(Duration.ofSeconds(3));
          databaseRestarts.incrementAndGet();
          timeline.note("PostgreSQL up again after %.1f s", took.toMillis() / 1000.0);
          continue;
        }
        // Never take the last healthy replica: somebody must keep the work going.
        int victim = awaitVictim(replicas, next++);
        if (victim < 0) {
          timeline.note("%s skipped: fewer than two healthy replicas for 180 s", step.getValue());
          continue;
        }
        if (step.getValue().equals("kill")) {
          replicas.killAndRestart(victim, Duration.ofSeconds(3));
          kills.incrementAndGet();
          timeline.note("kill -9 replica-%d (it starts again in 3 s)", victim);
        } else {
          Duration length = lease.plusSeconds(2);
          timeline.note(
              "kill -STOP replica-%d for %d s (longer than its %d s lease)",
              victim, length.toSeconds(), lease.toSeconds());
          replicas.pause(victim, length);
          pauses.incrementAndGet();
          timeline.note("kill -CONT replica-%d", victim);
        }
      }
    } catch (Exception e) {
      timeline.note("chaos stopped: %s", e);
    } finally {
      done.set(true);
    }
  }

  private static int awaitVictim(Replicas replicas, int turn) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(180);
    while (Instant.now().isBefore(deadline)) {
      var healthy = replicas.healthy();
      if (healthy.size() >= 2) {
        int preferred = turn % replicas.size() + 1;
        return healthy.contains(preferred) ? preferred : healthy.getFirst();
      }
      Thread.sleep(500);
    }
    return -1;
  }
}
