package dev.stepwise.metrics;

import dev.stepwise.execution.ExecutionChanged;
import dev.stepwise.execution.TaskCompleted;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts what committed transactions did, and what Task requests did, in Micrometer meters named as
 * the product contract says. Tagged by state machine, never by execution.
 */
@Component
class ExecutionMetrics {
  private static final String STATE_ENTERED = "StateEntered";
  private final MeterRegistry registry;
  private final Map<CounterKey, Counter> counters = new ConcurrentHashMap<>();

  ExecutionMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(ExecutionChanged committed) {
    String machine = committed.stateMachine();
    for (String type : committed.eventTypes()) {
      if (type.endsWith(STATE_ENTERED)) {
        String stateType = type.substring(0, type.length() - STATE_ENTERED.length());
        counter("stepwise.state.transitions", machine, "type", stateType).increment();
      } else if (type.equals("ExecutionStarted")) {
        counter("stepwise.executions.started", machine).increment();
      }
    }
    if (committed.finished() != null) {
      counter("stepwise.executions.finished", machine, "status", committed.finished().name())
          .increment();
      Timer.builder("stepwise.execution.duration")
          .tag("state_machine", machine)
          .tag("status", committed.finished().name())
          .register(registry)
          .record(committed.duration());
    }
  }

  @EventListener
  void on(TaskCompleted completed) {
    Timer.builder("stepwise.task.requests")
        .tag("state_machine", completed.stateMachine())
        .tag("outcome", completed.error() == null ? "success" : completed.error())
        .register(registry)
        .record(completed.duration());
    if (completed.attempt() > 1) {
      counter("stepwise.task.retries", completed.stateMachine()).increment();
    }
  }

  /** Meters are looked up once per name and tags: this runs for every committed transaction. */
  private Counter counter(String name, String machine, String... tags) {
    return counters.computeIfAbsent(
        new CounterKey(name, machine, List.of(tags)),
        key -> Counter.builder(name).tag("state_machine", machine).tags(tags).register(registry));
  }

  private record CounterKey(String name, String machine, List<String> tags) {}
}
