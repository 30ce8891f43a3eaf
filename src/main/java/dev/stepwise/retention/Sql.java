package dev.stepwise.retention;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Parameter conversions for the job's statements. */
final class Sql {
  private Sql() {}

  static OffsetDateTime ts(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  /**
   * How long an execution ({@code e}) is kept after it closed: its state machine's ({@code s})
   * retention, or the default given as a parameter in seconds.
   */
  static final String RETENTION =
      "coalesce(make_interval(days => s.retention_days), make_interval(secs => ?))";
}
