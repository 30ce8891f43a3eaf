package dev.stepwise.retention;

import java.time.Duration;

/**
 * What one run of the retention job did.
 *
 * @param ran false when another replica held the job's lock, and this one did nothing
 * @param phases how long each step of the run took (create, delete, move, drop), for the benchmark
 */
public record RetentionRun(
    boolean ran,
    int partitionsCreated,
    long executionsDeleted,
    long executionsMoved,
    int partitionsDropped,
    int partitionsLeft,
    Duration took,
    String phases) {

  static RetentionRun skipped() {
    return new RetentionRun(false, 0, 0, 0, 0, 0, Duration.ZERO, "");
  }
}
