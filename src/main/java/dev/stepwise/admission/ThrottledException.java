package dev.stepwise.admission;

import java.time.Duration;

/**
 * A start refused because this node is overloaded (AWS's {@code ThrottlingException}): the client
 * should try again after {@link #retryAfter()}. Nothing was written.
 */
public class ThrottledException extends RuntimeException {
  /** Why the start was refused. */
  public enum Reason {
    /** As many starts as allowed are in progress, and none finished within the wait. */
    CONCURRENCY,
    /** Too many due work items wait to run. */
    BACKLOG,
    /** The oldest due work item has waited too long. */
    LAG
  }

  private final Reason reason;
  private final Duration retryAfter;

  ThrottledException(Reason reason, Duration retryAfter, String message) {
    super(message, null, false, false);
    this.reason = reason;
    this.retryAfter = retryAfter;
  }

  public Reason reason() {
    return reason;
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  /** The retry delay in whole seconds, at least 1 (the unit of HTTP's {@code Retry-After}). */
  public long retryAfterSeconds() {
    return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }
}
