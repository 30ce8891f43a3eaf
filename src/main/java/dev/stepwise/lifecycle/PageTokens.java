package dev.stepwise.lifecycle;

import dev.stepwise.execution.ExecutionStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** Opaque page tokens: the position after which the next page starts, base64-encoded. */
final class PageTokens {
  private PageTokens() {}

  static String of(ExecutionStore.Cursor cursor) {
    return encode(cursor.startedAt().toString() + "|" + cursor.id());
  }

  static String of(long eventId) {
    return encode(Long.toString(eventId));
  }

  static ExecutionStore.Cursor executionCursor(String token) {
    if (token == null || token.isEmpty()) return null;
    String[] parts = decode(token).split("\\|");
    try {
      return new ExecutionStore.Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
    } catch (RuntimeException e) {
      throw new InvalidPageToken("Invalid page token");
    }
  }

  static long eventId(String token, long fallback) {
    if (token == null || token.isEmpty()) return fallback;
    try {
      return Long.parseLong(decode(token));
    } catch (NumberFormatException e) {
      throw new InvalidPageToken("Invalid page token");
    }
  }

  private static String encode(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String token) {
    try {
      return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidPageToken("Invalid page token");
    }
  }
}
