package dev.stepwise.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * How far behind the work queue is: due items nobody works on, and how long the oldest of them has
 * been due. Read from the database once a second by a background thread, so that admission control
 * and the metrics read it for free, never adding a query to a request.
 */
@Component
public class Backlog implements SmartLifecycle {
  static final Duration INTERVAL = Duration.ofSeconds(1);
  private static final Logger log = LoggerFactory.getLogger(Backlog.class);

  /**
   * One reading.
   *
   * @param due work items due and not claimed (or whose claim expired), on every replica
   * @param lag how long the oldest of them has been due (zero when none)
   * @param running work items this node is running now
   */
  public record Sample(long due, Duration lag, int running) {
    static final Sample EMPTY = new Sample(0, Duration.ZERO, 0);
  }

  private final DueWork dueWork;
  private final LocalWork local;
  private final Clock clock;
  private volatile Sample last = Sample.EMPTY;
  private volatile boolean failing;
  private ScheduledExecutorService sampler;

  Backlog(DueWork dueWork, LocalWork local, Clock clock) {
    this.dueWork = dueWork;
    this.local = local;
    this.clock = clock;
  }

  /** The latest reading (at most about a second old while the database answers). */
  public Sample current() {
    return last;
  }

  void sample() {
    try {
      var depth = dueWork.depth();
      Instant oldest = depth.oldestDue();
      Duration lag = oldest == null ? Duration.ZERO : Duration.between(oldest, clock.instant());
      last = new Sample(depth.due(), lag.isNegative() ? Duration.ZERO : lag, local.running());
      failing = false;
    } catch (RuntimeException e) {
      // Keep the last reading: with the database away, starts fail on their own anyway.
      if (!failing)
        log.warn("Could not read the work queue's backlog; keeping the last reading", e);
      failing = true;
    }
  }

  @Override
  public void start() {
    sampler =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("stepwise-backlog").daemon().factory());
    sampler.scheduleWithFixedDelay(this::sample, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    if (sampler != null) sampler.shutdownNow();
    sampler = null;
  }

  @Override
  public boolean isRunning() {
    return sampler != null;
  }

  @Override
  public int getPhase() {
    // Stops with the claimer, before the database goes away.
    return ClaimDueWork.PHASE;
  }
}
