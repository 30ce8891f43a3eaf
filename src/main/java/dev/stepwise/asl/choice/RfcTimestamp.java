package dev.stepwise.asl.choice;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** The timestamps that Timestamp comparisons and {@code IsTimestamp} accept. */
final class RfcTimestamp {
  // ASL narrows RFC 3339: an uppercase 'T', seconds always present, and 'Z' or a numeric offset
  // (never a bare local time). Java's ISO parser alone would also accept "2016-03-14T01:59Z".
  private static final Pattern SHAPE =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");

  private RfcTimestamp() {}

  /** The instant {@code text} names, or null when it is not such a timestamp. */
  static Instant parse(String text) {
    if (!SHAPE.matcher(text).matches()) return null;
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
