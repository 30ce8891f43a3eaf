package dev.stepwise.metrics;

import dev.stepwise.queue.Backlog;
import dev.stepwise.queue.ClaimLoopStatus;
import dev.stepwise.queue.ClaimLost;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The queue as a whole: {@code stepwise.queue.depth} (work due and not being worked on), {@code
 * stepwise.queue.lag} (seconds since the oldest of it fell due) and {@code stepwise.queue.running}
 * (work this node runs now), from the {@link Backlog} sampled once a second; {@code
 * stepwise.queue.claiming} (1 while this node's claim loop works, so that their sum is the number
 * of nodes claiming work); {@code stepwise.queue.claim.errors} (tag {@code reason}); {@code
 * stepwise.queue.dropped} (tag {@code kind}) counts work finished after its claim was lost, whose
 * outcome was dropped.
 */
@Component
class QueueMetrics {
  private final Meters meters;

  QueueMetrics(Backlog backlog, ClaimLoopStatus claimLoop, Meters meters) {
    this.meters = meters;
    MeterRegistry registry = meters.registry();
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
    Gauge.builder("stepwise.queue.claiming", claimLoop, c -> c.claiming() ? 1 : 0)
        .description("1 while this node's claim loop runs and its last claim succeeded")
        .register(registry);
    claimErrors(registry, claimLoop, "database_unavailable", ClaimLoopStatus::databaseFailures);
    claimErrors(registry, claimLoop, "error", ClaimLoopStatus::otherFailures);
  }

  private static void claimErrors(
      MeterRegistry registry,
      ClaimLoopStatus claimLoop,
      String reason,
      java.util.function.ToDoubleFunction<ClaimLoopStatus> count) {
    FunctionCounter.builder("stepwise.queue.claim.errors", claimLoop, count)
        .description("Failed iterations of the claim loop (it backs off and goes on)")
        .tag("reason", reason)
        .register(registry);
  }

  /** Counted once the transaction that found the claim lost has ended (it rolls back). */
  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
  void on(ClaimLost lost) {
    meters
        .counter(
            "stepwise.queue.dropped",
            "Work items finished after their claim was lost; their outcome was dropped",
            "kind",
            lost.kind())
        .increment();
  }
}
