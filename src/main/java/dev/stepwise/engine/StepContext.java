package dev.stepwise.engine;

import dev.stepwise.asl.EvaluationBudget;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * Everything a step may depend on besides the token: the execution's facts, the time, a random
 * source (for retry jitter) and the limits. The interpreter reads no clock and no randomness of its
 * own, so a step is a pure function of its arguments.
 *
 * @param firstEventId the id the step's first event will get
 */
public record StepContext(
    ExecutionInfo execution,
    Instant now,
    RandomGenerator random,
    long firstEventId,
    Limits limits) {

  /**
   * Configurable limits, with AWS's defaults.
   *
   * @param evaluationTimeout how long the user-written computations of one step may run in all (see
   *     {@link EvaluationBudget})
   */
  public record Limits(
      int payloadBytes,
      Duration defaultTaskTimeout,
      int maxStepsPerYield,
      Duration evaluationTimeout) {
    public static final Limits DEFAULT = new Limits(256 * 1024, Duration.ofSeconds(60), 1000);

    public Limits(int payloadBytes, Duration defaultTaskTimeout, int maxStepsPerYield) {
      this(payloadBytes, defaultTaskTimeout, maxStepsPerYield, EvaluationBudget.DEFAULT_TIMEOUT);
    }

    /** A fresh budget for one step's computations. */
    EvaluationBudget budget() {
      return EvaluationBudget.forPayload(evaluationTimeout, payloadBytes);
    }
  }
}
