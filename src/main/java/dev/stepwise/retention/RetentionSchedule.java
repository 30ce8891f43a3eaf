package dev.stepwise.retention;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the retention job every {@code stepwise.retention.interval}, first right at start (so a
 * service that was down longer than the partitions reach ahead creates today's at once). Every
 * replica schedules it; the job's lock lets one of them run at a time.
 */
@Component
class RetentionSchedule implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);

  private final RetentionJob job;
  private final RetentionProperties properties;
  private final Clock clock;
  private ScheduledExecutorService scheduler;
  private volatile boolean failing;

  RetentionSchedule(RetentionJob job, RetentionProperties properties, Clock clock) {
    this.job = job;
    this.properties = properties;
    this.clock = clock;
  }

  void runOnce() {
    try {
      var run = job.run(clock.instant());
      failing = false;
      if (run.ran() && (run.executionsDeleted() > 0 || run.partitionsDropped() > 0)) {
        log.info(
            "Retention: %d executions deleted, %d moved, %d partitions created, %d dropped (%d ms)"
                .formatted(
                    run.executionsDeleted(),
                    run.executionsMoved(),
                    run.partitionsCreated(),
                    run.partitionsDropped(),
                    run.took().toMillis()));
      }
    } catch (RuntimeException e) {
      // Tried again on the next run; said once, not every minute while the database is away.
      if (!failing) log.warn("The retention run failed; trying again on the next one", e);
      failing = true;
    }
  }

  /** What a replica with the job turned off still does: keep history's partitions ahead. */
  void keepPartitionsAhead() {
    try {
      job.keepPartitionsAhead(clock.instant());
      failing = false;
    } catch (RuntimeException e) {
      if (!failing) log.warn("Creating history partitions failed; trying again on the next run", e);
      failing = true;
    }
  }

  @Override
  public void start() {
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("stepwise-retention").daemon().factory());
    if (properties.enabled()) {
      scheduler.scheduleWithFixedDelay(
          this::runOnce, 0, properties.interval().toMillis(), TimeUnit.MILLISECONDS);
    } else {
      // History writes fail without a partition for their day: even with removal turned off on
      // every replica, the partitions ahead are made (hourly is plenty: they reach days ahead).
      scheduler.scheduleWithFixedDelay(this::keepPartitionsAhead, 0, 1, TimeUnit.HOURS);
    }
  }

  @Override
  public void stop() {
    if (scheduler != null) scheduler.shutdownNow();
    scheduler = null;
  }

  @Override
  public boolean isRunning() {
    return scheduler != null;
  }
}
