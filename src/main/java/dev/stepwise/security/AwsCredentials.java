package dev.stepwise.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The access key pairs the AWS wire API accepts. The secret stays in memory (SigV4 derives its
 * signing key from it); it is never logged and never leaves this class but as an HMAC key.
 */
final class AwsCredentials {
  record Pair(String secretAccessKey, Caller caller) {
    @Override
    public String toString() {
      return "Pair[caller=" + caller + "]";
    }
  }

  private final Map<String, Pair> byAccessKeyId;

  private AwsCredentials(Map<String, Pair> byAccessKeyId) {
    this.byAccessKeyId = Map.copyOf(byAccessKeyId);
  }

  static AwsCredentials of(List<Credentials.AwsCredentialSetting> settings) {
    var pairs = new HashMap<String, Pair>();
    for (int i = 0; i < settings.size(); i++) {
      var s = settings.get(i);
      String what = "stepwise.security.aws-credentials[" + i + "]";
      if (s.accessKeyId() == null || s.accessKeyId().isBlank()) {
        throw new IllegalArgumentException(what + ".access-key-id is required");
      }
      if (s.secretAccessKey() == null || s.secretAccessKey().length() < 16) {
        throw new IllegalArgumentException(
            what + ".secret-access-key is required, at least 16 characters long");
      }
      var caller = new Caller(s.accessKeyId(), Credentials.roles(what, s.roles()), s.prefix());
      if (pairs.put(s.accessKeyId(), new Pair(s.secretAccessKey(), caller)) != null) {
        throw new IllegalArgumentException(what + ": access key id used twice");
      }
    }
    return new AwsCredentials(pairs);
  }

  Optional<Pair> find(String accessKeyId) {
    return Optional.ofNullable(byAccessKeyId.get(accessKeyId));
  }

  int size() {
    return byAccessKeyId.size();
  }
}
