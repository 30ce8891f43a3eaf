package dev.stepwise.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/**
 * Stepwise's counters and timers, looked up once per name and tags (they are recorded for every
 * committed transaction and every work item), and the cardinality guard of the {@code
 * state_machine} tag that every meter tagged with it goes through.
 */
@Component
class Meters {
  private final MeterRegistry registry;
  private final BoundedTag stateMachines;
  private final Map<Key, Counter> counters = new ConcurrentHashMap<>();
  private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

  Meters(MeterRegistry registry, MetricsProperties properties) {
    this.registry = registry;
    this.stateMachines = new BoundedTag(properties.maxStateMachineTags());
  }

  /** The {@code state_machine} tag value of {@code name}: itself, or {@value BoundedTag#OTHER}. */
  String stateMachine(String name) {
    return stateMachines.of(name);
  }

  /** The tag value {@code name} already has: itself if admitted before, else "_other". */
  String admittedStateMachine(String name) {
    return stateMachines.admitted(name);
  }

  MeterRegistry registry() {
    return registry;
  }

  Counter counter(String name, String description, String... tags) {
    return counters.computeIfAbsent(
        new Key(name, List.of(tags)),
        key -> Counter.builder(name).description(description).tags(tags).register(registry));
  }

  Timer timer(
      String name, String description, UnaryOperator<Timer.Builder> buckets, String... tags) {
    return timers.computeIfAbsent(
        new Key(name, List.of(tags)),
        key ->
            buckets
                .apply(Timer.builder(name).description(description).tags(tags))
                .register(registry));
  }

  private record Key(String name, List<String> tags) {}
}
