package dev.stepwise.metrics;

import dev.stepwise.queue.Backlog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code stepwise.queue.depth} (work due and not being worked on), {@code stepwise.queue.lag}
 * (seconds since the oldest of it fell due) and {@code stepwise.queue.running} (work this node
 * runs now), from the {@link Backlog} sampled once a second.
 */
@Component
class QueueMetrics {
  QueueMetrics(Backlog backlog, MeterRegistry registry) {
    Gauge.builder("stepwise.queue.depth", backlog, b -> b.current().due())
        .description("Work items due and not claimed")
        .register(registry);
    Gauge.builder("stepwise.queue.lag", backlog, b -> b.current().lag().toMillis() / 1000.0)
        .description("Seconds since the oldest unclaimed due work item fell due")
        .baseUnit("seconds")
        .register(registry);
    Gauge.builder("stepwise.queue.running", backlog, b -> b.current().running())
        .description("Work items this node is running")
        .register(registry);
  }
}
