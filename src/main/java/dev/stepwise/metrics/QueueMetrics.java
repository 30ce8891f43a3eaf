package dev.stepwise.metrics;

import dev.stepwise.queue.WorkQueue;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * {@code stepwise.queue.depth} (work due and not being worked on) and {@code stepwise.queue.lag}
 * (seconds since the oldest of it fell due), read from the database at most once a second.
 */
@Component
class QueueMetrics {
  private static final Duration FRESH = Duration.ofSeconds(1);
  private final WorkQueue queue;
  private final Clock clock;
  private volatile WorkQueue.QueueDepth last;
  private volatile Instant readAt = Instant.EPOCH;

  QueueMetrics(WorkQueue queue, Clock clock, MeterRegistry registry) {
    this.queue = queue;
    this.clock = clock;
    Gauge.builder("stepwise.queue.depth", this, m -> m.depth().due())
        .description("Work items due and not claimed")
        .register(registry);
    Gauge.builder("stepwise.queue.lag", this, QueueMetrics::lagSeconds)
        .description("Seconds since the oldest unclaimed due work item fell due")
        .baseUnit("seconds")
        .register(registry);
  }

  private double lagSeconds() {
    Instant oldest = depth().oldestDue();
    return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
  }

  private WorkQueue.QueueDepth depth() {
    Instant now = clock.instant();
    if (last == null || Duration.between(readAt, now).compareTo(FRESH) > 0) {
      try {
        last = queue.depth();
        readAt = now;
      } catch (RuntimeException e) {
        if (last == null) return new WorkQueue.QueueDepth(0, null);
      }
    }
    return last;
  }
}
