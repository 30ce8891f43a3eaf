package dev.stepwise.asl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** The hashes AWS offers ({@code States.Hash}, JSONata {@code $hash}), as lowercase hex. */
public final class Hashes {
  public static final List<String> ALGORITHMS =
      List.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

  private Hashes() {}

  /**
   * The hex digest of {@code data}'s UTF-8 bytes; {@code algorithm} is one of {@link #ALGORITHMS}.
   */
  public static String hex(String algorithm, String data) {
    try {
      byte[] digest =
          MessageDigest.getInstance(algorithm).digest(data.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("The JDK lacks " + algorithm, e);
    }
  }
}
