package dev.stepwise.aws;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Paging tokens for lists ordered by name (state machines, activities): the last name of the page,
 * opaque to clients. Lists of executions and history events page with the core's own tokens.
 */
final class NextTokens {
  private static final String MARK = "after:";

  private NextTokens() {}

  static String after(String lastName) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((MARK + lastName).getBytes(StandardCharsets.UTF_8));
  }

  /** The name a token continues after; null for no token. */
  static String name(String token) {
    if (token == null) return null;
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    if (!text.startsWith(MARK)) throw invalid();
    return text.substring(MARK.length());
  }

  /** A core token the core refused, or one of the wrong length. */
  static AwsError invalid() {
    return new AwsError(AwsError.INVALID_TOKEN, "Invalid Token: 'Invalid token'");
  }
}
