package dev.stepwise.aws;

import dev.stepwise.aws.Configurations.EncryptionConfiguration;
import dev.stepwise.aws.Configurations.LoggingConfiguration;
import dev.stepwise.aws.Configurations.TracingConfiguration;
import java.util.Objects;

/**
 * What AWS clients set on a state machine beyond its definition. {@code type} decides whether
 * StartSyncExecution may run it; both types run on the same durable engine.
 */
record StateMachineAttributes(
    String type,
    String roleArn,
    LoggingConfiguration loggingConfiguration,
    TracingConfiguration tracingConfiguration,
    EncryptionConfiguration encryptionConfiguration) {

  static final String STANDARD = "STANDARD";
  static final String EXPRESS = "EXPRESS";

  /** What a state machine created through the native API (no row) reports. */
  static StateMachineAttributes defaults(String roleArn) {
    return new StateMachineAttributes(STANDARD, roleArn, null, null, null).filled(roleArn);
  }

  /** Absent members as AWS reports them. */
  StateMachineAttributes filled(String defaultRole) {
    return new StateMachineAttributes(
        type == null ? STANDARD : type,
        roleArn == null ? defaultRole : roleArn,
        loggingConfiguration == null ? LoggingConfiguration.OFF : loggingConfiguration,
        tracingConfiguration == null ? TracingConfiguration.OFF : tracingConfiguration,
        encryptionConfiguration == null
            ? EncryptionConfiguration.AWS_OWNED
            : encryptionConfiguration);
  }

  /** Whether a second create with these attributes is the same request (AWS ignores the role). */
  boolean sameAs(StateMachineAttributes other) {
    return Objects.equals(type, other.type)
        && Objects.equals(loggingConfiguration, other.loggingConfiguration)
        && Objects.equals(tracingConfiguration, other.tracingConfiguration)
        && Objects.equals(encryptionConfiguration, other.encryptionConfiguration);
  }

  boolean express() {
    return EXPRESS.equals(type);
  }

  String json() {
    return WireJson.text(this);
  }

  static StateMachineAttributes read(String json, String defaultRole) {
    return WireJson.readStored(json, StateMachineAttributes.class).filled(defaultRole);
  }
}
