package dev.stepwise.database;

import dev.stepwise.asl.Json;

/**
 * Free text from clients and endpoints (an error, a cause, a description) stored so that any string
 * survives: PostgreSQL's text cannot hold the NUL character, so these columns hold the string as a
 * JSON string literal, as the JSON columns already hold their values.
 */
public final class TextColumn {
  private TextColumn() {}

  /** The column's value for {@code text}; null stays null. */
  public static String encode(String text) {
    return text == null ? null : Json.write(text);
  }

  /**
   * The text a column value holds. A value that is not a JSON string literal is returned as it is,
   * so a row written raw (before this encoding) still reads.
   */
  public static String decode(String column) {
    if (column == null || column.length() < 2 || column.charAt(0) != '"') return column;
    try {
      return Json.parse(column) instanceof String text ? text : column;
    } catch (IllegalArgumentException e) {
      return column;
    }
  }
}
