package dev.stepwise.engine;

import java.util.Map;

/**
 * How a {@link StateTest} ended, in the terms of AWS's TestState answer.
 *
 * @param output the state's output: with {@link Status#SUCCEEDED}, or the catcher's output with
 *     {@link Status#CAUGHT_ERROR} (may be JSON null); null otherwise
 * @param error the error the state failed with (every status but {@code SUCCEEDED})
 * @param nextState the state the execution would go to next; null at the end or after a failure
 * @param inspection the intermediate values the state computed, in the order of {@link Inspected};
 *     a value may be JSON null, an absent key means the state did not compute it
 * @param errorDetails which retrier or catcher handled the error; null when none was evaluated
 */
public record StateTestResult(
    Status status,
    Object output,
    String error,
    String cause,
    String nextState,
    Map<Inspected, Object> inspection,
    ErrorDetails errorDetails) {

  /** AWS's {@code TestExecutionStatus}. */
  public enum Status {
    /** The state completed: it has an output, and a next state unless it ends the execution. */
    SUCCEEDED,
    /** The state failed and neither a retrier nor a catcher handled the error. */
    FAILED,
    /** The state failed and a retrier would run it again, after the backoff. */
    RETRIABLE,
    /** The state failed and a catcher took over: its output and next state are the catcher's. */
    CAUGHT_ERROR
  }

  /**
   * The error handling that applied, as AWS's {@code InspectionErrorDetails}; each field is null
   * when it does not apply.
   *
   * @param catchIndex the catcher that took the error over
   * @param retryIndex the retrier whose {@code ErrorEquals} matched (retrying or out of attempts)
   * @param retryBackoffIntervalSeconds how long that retrier waits before the next attempt
   */
  public record ErrorDetails(
      Integer catchIndex, Integer retryIndex, Long retryBackoffIntervalSeconds) {}

  /** Whether the answer carries an output (which may be JSON null). */
  public boolean hasOutput() {
    return status == Status.SUCCEEDED || status == Status.CAUGHT_ERROR;
  }
}
