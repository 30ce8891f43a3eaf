package dev.stepwise.metrics;

import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The buckets of Stepwise's timers, so that Prometheus computes percentiles ({@code
 * histogram_quantile}) across replicas. Fixed buckets rather than Micrometer's generated percentile
 * histogram: that one has about 70 buckets between a millisecond and a minute, each a series per
 * tag combination; these have 14 to 16, where the latencies matter. The expected minimum and
 * maximum bound the generated histogram too, should an operator turn it on ({@code
 * management.metrics.distribution.percentiles-histogram.<meter>=true}); {@code
 * management.metrics.distribution.slo.<meter>} replaces the buckets.
 */
final class Histograms {
  private Histograms() {}

  /** An execution's run, from its start to its end: milliseconds (Pass chains) to weeks. */
  static Timer.Builder executionDuration(Timer.Builder timer) {
    return timer
        .serviceLevelObjectives(
            ms(10),
            ms(50),
            ms(100),
            ms(500),
            s(1),
            s(5),
            s(10),
            s(30),
            s(60),
            s(300),
            s(900),
            s(3600),
            s(6 * 3600),
            s(86_400),
            s(7 * 86_400),
            s(30 * 86_400))
        .minimumExpectedValue(ms(1))
        .maximumExpectedValue(s(30 * 86_400));
  }

  /** A Task's HTTP request: the endpoint's latency, up to the longest timeouts. */
  static Timer.Builder taskRequest(Timer.Builder timer) {
    return timer
        .serviceLevelObjectives(
            ms(5), ms(10), ms(25), ms(50), ms(100), ms(250), ms(500), s(1), s(2.5), s(5), s(10),
            s(30), s(60), s(300))
        .minimumExpectedValue(ms(1))
        .maximumExpectedValue(s(300));
  }

  /** How late a work item starts after it fell due (timers, steps, Task requests). */
  static Timer.Builder workDelay(Timer.Builder timer) {
    return timer
        .serviceLevelObjectives(
            ms(1), ms(5), ms(10), ms(25), ms(50), ms(100), ms(250), ms(500), s(1), s(2.5), s(5),
            s(10), s(30), s(60), s(300))
        .minimumExpectedValue(ms(1))
        .maximumExpectedValue(s(300));
  }

  /** Handling one work item: a step's transaction, or a Task's request and its recording. */
  static Timer.Builder stepDuration(Timer.Builder timer) {
    return timer
        .serviceLevelObjectives(
            ms(1), ms(2.5), ms(5), ms(10), ms(25), ms(50), ms(100), ms(250), ms(500), s(1), s(2.5),
            s(5), s(10), s(30), s(60))
        .minimumExpectedValue(ms(1))
        .maximumExpectedValue(s(300));
  }

  private static Duration ms(double millis) {
    return Duration.ofNanos((long) (millis * 1_000_000));
  }

  private static Duration s(double seconds) {
    return Duration.ofNanos((long) (seconds * 1_000_000_000));
  }
}
