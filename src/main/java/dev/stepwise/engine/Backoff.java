package dev.stepwise.engine;

import dev.stepwise.asl.model.Retrier;
import java.time.Duration;
import java.util.random.RandomGenerator;

/** A retrier's delay before retry number {@code attempt + 1}: pure arithmetic. */
final class Backoff {
  private Backoff() {}

  /**
   * {@code IntervalSeconds × BackoffRate^attempt}, capped by {@code MaxDelaySeconds}; with {@code
   * JitterStrategy: FULL} a uniformly random share of that.
   *
   * @param attempt retries already made by this retrier (0 before the first)
   */
  static Duration delay(Retrier retrier, int attempt, RandomGenerator random) {
    double seconds = retrier.intervalSeconds() * Math.pow(retrier.backoffRate(), attempt);
    if (retrier.maxDelaySeconds() != null) {
      seconds = Math.min(seconds, retrier.maxDelaySeconds());
    }
    if (retrier.jitterStrategy() == Retrier.JitterStrategy.FULL) {
      seconds = random.nextDouble() * seconds;
    }
    return Duration.ofMillis(Math.round(Math.min(seconds, 31_622_400d) * 1000));
  }
}
