package dev.stepwise.engine;

import java.util.Base64;
import java.util.random.RandomGenerator;

/**
 * Task tokens: 256 random bits, URL-safe. Whoever holds one may answer for the state, so it must
 * not be guessable; the runtime passes a cryptographically strong random source.
 */
final class TaskTokens {
  private static final int BYTES = 32;

  private TaskTokens() {}

  static String generate(RandomGenerator random) {
    byte[] bytes = new byte[BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
