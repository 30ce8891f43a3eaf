package dev.stepwise.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The configured API keys, as SHA-256 hashes only. A presented key is hashed and compared with
 * every stored hash in constant time ({@link MessageDigest#isEqual}), all of them each time, so
 * neither the answer's timing nor its path tells how close a guess was. A plain hash suffices (no
 * salt, no stretching): keys are long random strings, not passwords people choose.
 */
public final class ApiKeys {
  private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

  /** A key as kept: its name, the hash of the key, and the caller it stands for. */
  record StoredKey(byte[] sha256, Caller caller) {}

  private final List<StoredKey> keys;

  private ApiKeys(List<StoredKey> keys) {
    this.keys = List.copyOf(keys);
  }

  static ApiKeys of(List<Credentials.ApiKeySetting> settings) {
    var keys = new ArrayList<StoredKey>();
    var names = new HashSet<String>();
    for (int i = 0; i < settings.size(); i++) {
      var s = settings.get(i);
      String what = "stepwise.security.api-keys[" + i + "]";
      if (s.name() == null || s.name().isBlank()) {
        throw new IllegalArgumentException(what + ".name is required");
      }
      if (!names.add(s.name())) {
        throw new IllegalArgumentException(what + ": the name '" + s.name() + "' is used twice");
      }
      boolean plain = s.key() != null && !s.key().isEmpty();
      boolean hashed = s.keySha256() != null && !s.keySha256().isEmpty();
      if (plain == hashed) {
        throw new IllegalArgumentException(what + " needs exactly one of key and key-sha256");
      }
      if (hashed && !HEX_SHA256.matcher(s.keySha256().trim()).matches()) {
        throw new IllegalArgumentException(
            what + ".key-sha256 must be 64 hexadecimal digits (printf %s \"$KEY\" | sha256sum)");
      }
      if (plain && s.key().length() < 16) {
        throw new IllegalArgumentException(what + ".key must be at least 16 characters long");
      }
      byte[] hash = plain ? sha256(s.key()) : HexFormat.of().parseHex(s.keySha256().trim());
      keys.add(
          new StoredKey(
              hash, new Caller(s.name(), Credentials.roles(what, s.roles()), s.prefix())));
    }
    return new ApiKeys(keys);
  }

  /** The caller a presented key stands for, if any key matches. */
  public Optional<Caller> authenticate(String presented) {
    byte[] hash = sha256(presented);
    Caller found = null;
    for (StoredKey key : keys) {
      // No early exit: every comparison runs, whatever matched.
      if (MessageDigest.isEqual(hash, key.sha256()) && found == null) found = key.caller();
    }
    return Optional.ofNullable(found);
  }

  public int size() {
    return keys.size();
  }

  /** The stored hashes, in hexadecimal (what a test or an operator may inspect). */
  public List<String> hashes() {
    return keys.stream().map(k -> HexFormat.of().formatHex(k.sha256())).toList();
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
