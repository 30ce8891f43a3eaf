package dev.stepwise.retention;

import java.time.Duration;

/**
 * What one run of the retention job did.
 *
 * @param ran false when another replica held the job's lock, and this one did nothing
 */
public record RetentionRun(
    boolean ran,
    int partitionsCreated,
    long executionsDeleted,
    long executionsMoved,
    int partitionsDropped,
    int partitionsLeft,
    Duration took) {

  static RetentionRun skipped() {
    return new RetentionRun(false, 0, 0, 0, 0, 0, Duration.ZERO);
  }
}
