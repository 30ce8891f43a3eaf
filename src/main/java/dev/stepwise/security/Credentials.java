package dev.stepwise.security;

import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Reads {@code stepwise.security.api-keys[i]} and {@code stepwise.security.aws-credentials[i]}
 * once, straight from the environment: the plaintext keys are hashed on the spot and the settings
 * dropped, so no bean holds them (an AWS secret is kept: SigV4 needs it).
 */
final class Credentials {
  private Credentials() {}

  /** {@code key} (plaintext, hashed at once) or {@code key-sha256} (hex), never both. */
  record ApiKeySetting(
      String name, String key, String keySha256, List<String> roles, String prefix) {}

  record AwsCredentialSetting(
      String accessKeyId, String secretAccessKey, List<String> roles, String prefix) {}

  static ApiKeys apiKeys(Environment environment) {
    return ApiKeys.of(
        Binder.get(environment)
            .bind("stepwise.security.api-keys", Bindable.listOf(ApiKeySetting.class))
            .orElse(List.of()));
  }

  static AwsCredentials awsCredentials(Environment environment) {
    return AwsCredentials.of(
        Binder.get(environment)
            .bind("stepwise.security.aws-credentials", Bindable.listOf(AwsCredentialSetting.class))
            .orElse(List.of()));
  }

  static java.util.Set<Role> roles(String what, List<String> names) {
    if (names == null || names.isEmpty()) {
      throw new IllegalArgumentException(what + " has no roles (viewer, operator, author, admin)");
    }
    return names.stream()
        .flatMap(n -> java.util.Arrays.stream(n.split(",")))
        .filter(n -> !n.isBlank())
        .map(Role::parse)
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }
}
