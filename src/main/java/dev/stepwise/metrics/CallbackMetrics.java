package dev.stepwise.metrics;

import dev.stepwise.callback.CallbackOpened;
import dev.stepwise.callback.OpenCallbacks;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code stepwise.callbacks.open}: Task states waiting for a callback, per state machine. A gauge
 * is registered for a state machine the first time one of its states hands out a task token (or at
 * start, for those already waiting); the counts are read from the database at most once a second.
 * State machines past the tag limit ({@link Meters#stateMachine}), and those with no gauge of their
 * own here yet (their callbacks opened on another replica since this one started), are summed under
 * {@value BoundedTag#OTHER}, which is always there.
 */
@Component
class CallbackMetrics {
  private static final Duration FRESH = Duration.ofSeconds(1);
  private final OpenCallbacks callbacks;
  private final MeterRegistry registry;
  private final Meters meters;
  private final Clock clock;
  private final Set<String> registered = ConcurrentHashMap.newKeySet();
  private volatile Map<String, Long> last = Map.of();
  private volatile Instant readAt = Instant.EPOCH;

  CallbackMetrics(OpenCallbacks callbacks, Meters meters, Clock clock) {
    this.callbacks = callbacks;
    this.meters = meters;
    this.registry = meters.registry();
    this.clock = clock;
  }

  @EventListener
  void on(CallbackOpened opened) {
    register(opened.stateMachine());
  }

  @EventListener(ApplicationReadyEvent.class)
  void registerWaiting() {
    register(BoundedTag.OTHER);
    counts().keySet().forEach(this::register);
  }

  private void register(String machine) {
    String tag = machine.equals(BoundedTag.OTHER) ? machine : meters.stateMachine(machine);
    if (!registered.add(tag)) return;
    Gauge.builder("stepwise.callbacks.open", this, m -> m.open(tag))
        .description("Task states waiting for a callback")
        .tag("state_machine", tag)
        .register(registry);
  }

  /** The open callbacks of the state machines reported under {@code tag}. */
  private double open(String tag) {
    return counts().entrySet().stream()
        .filter(e -> reportedUnder(e.getKey()).equals(tag))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /** Its own gauge's tag when it has one, else the shared one; reading admits no new tag value. */
  private String reportedUnder(String machine) {
    String tag = meters.admittedStateMachine(machine);
    return registered.contains(tag) ? tag : BoundedTag.OTHER;
  }

  private Map<String, Long> counts() {
    Instant now = clock.instant();
    if (Duration.between(readAt, now).compareTo(FRESH) > 0) {
      try {
        last = callbacks.perStateMachine();
        readAt = now;
      } catch (RuntimeException e) {
        // Keep the last counts while the database is unreachable.
      }
    }
    return last;
  }
}
