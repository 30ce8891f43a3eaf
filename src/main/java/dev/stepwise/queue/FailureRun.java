package dev.stepwise.queue;

import dev.stepwise.database.DatabaseFailures;
import java.time.Duration;
import org.slf4j.Logger;

/**
 * Logs the failures of a background loop calmly: while the database is out of reach, one warning
 * when it starts and one line when it ends, instead of a stack trace per attempt; and says how long
 * to back off. Any other failure is logged in full every time, as a defect should be.
 */
final class FailureRun {
  private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  private final Logger log;
  private final String activity;
  private int failures;
  private boolean outage;

  /** {@code activity} names what failed, e.g. "Claiming work". */
  FailureRun(Logger log, String activity) {
    this.log = log;
    this.activity = activity;
  }

  synchronized void failed(Exception e) {
    failures++;
    if (!DatabaseFailures.isUnavailable(e)) {
      log.warn("{} failed; trying again in {} s", activity, backoff().toSeconds(), e);
    } else if (!outage) {
      outage = true;
      log.warn(
          "{} failed: the database is unavailable ({}); retrying quietly until it is back",
          activity,
          DatabaseFailures.describe(e));
    } else {
      log.debug("{} failed again: {}", activity, DatabaseFailures.describe(e));
    }
  }

  synchronized void succeeded() {
    if (outage) log.info("{} works again: the database is back", activity);
    outage = false;
    failures = 0;
  }

  /** 1 s after the first failure in a row, doubling up to 5 s. */
  synchronized Duration backoff() {
    if (failures == 0) return Duration.ZERO;
    long seconds = FIRST_BACKOFF.toSeconds() << Math.min(failures - 1, 10);
    return Duration.ofSeconds(Math.min(seconds, MAX_BACKOFF.toSeconds()));
  }
}
