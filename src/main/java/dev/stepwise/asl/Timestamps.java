package dev.stepwise.asl;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** RFC 3339 timestamps as ASL uses them (Wait {@code Timestamp}, Timestamp comparisons). */
public final class Timestamps {
  // ASL narrows RFC 3339: an uppercase 'T', seconds always present, and 'Z' or a numeric offset
  // (never a bare local time). Java's ISO parser alone would also accept "2016-03-14T01:59Z".
  private static final Pattern SHAPE =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");

  private Timestamps() {}

  /** The instant, or null when the text is not an RFC 3339 timestamp. */
  public static Instant parse(String text) {
    if (text == null || !SHAPE.matcher(text).matches()) return null;
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
