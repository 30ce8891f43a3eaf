package dev.stepwise.metrics;

import dev.stepwise.queue.Backlog;
import dev.stepwise.queue.ClaimLost;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * {@code stepwise.queue.depth} (work due and not being worked on), {@code stepwise.queue.lag}
 * (seconds since the oldest of it fell due) and {@code stepwise.queue.running} (work this node runs
 * now), from the {@link Backlog} sampled once a second; {@code stepwise.queue.dropped} (tag {@code
 * kind}) counts work finished after its claim was lost, whose outcome was dropped.
 */
@Component
class QueueMetrics {
  private final MeterRegistry registry;

  QueueMetrics(Backlog backlog, MeterRegistry registry) {
    this.registry = registry;
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

  /** Counted once the transaction that found the claim lost has ended (it rolls back). */
  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
  void on(ClaimLost lost) {
    Counter.builder("stepwise.queue.dropped")
        .description("Work items finished after their claim was lost; their outcome was dropped")
        .tag("kind", lost.kind())
        .register(registry)
        .increment();
  }
}
