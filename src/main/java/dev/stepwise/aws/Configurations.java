package dev.stepwise.aws;

import java.util.List;
import java.util.Set;

/**
 * The configuration shapes AWS clients give state machines and activities. Stepwise stores and
 * reports them; it ships no logs to CloudWatch, no traces to X-Ray and encrypts nothing with KMS.
 */
final class Configurations {
  private Configurations() {}

  record LoggingConfiguration(
      String level, Boolean includeExecutionData, List<LogDestination> destinations) {
    static final LoggingConfiguration OFF = new LoggingConfiguration("OFF", false, null);

    void check() {
      if (level != null && !Set.of("ALL", "ERROR", "FATAL", "OFF").contains(level)) {
        throw new AwsError(
            "InvalidLoggingConfiguration", "Invalid Logging Configuration: level '" + level + "'");
      }
      if (destinations != null && destinations.size() > 1) {
        throw new AwsError(
            "InvalidLoggingConfiguration",
            "Invalid Logging Configuration: at most one destination is allowed");
      }
      if (level != null
          && !level.equals("OFF")
          && (destinations == null || destinations.isEmpty())) {
        throw new AwsError(
            "InvalidLoggingConfiguration",
            "Invalid Logging Configuration: a level other than OFF needs a destination");
      }
    }
  }

  record LogDestination(CloudWatchLogsLogGroup cloudWatchLogsLogGroup) {}

  record CloudWatchLogsLogGroup(String logGroupArn) {}

  record TracingConfiguration(Boolean enabled) {
    static final TracingConfiguration OFF = new TracingConfiguration(false);
  }

  record EncryptionConfiguration(
      String kmsKeyId, Integer kmsDataKeyReusePeriodSeconds, String type) {
    static final EncryptionConfiguration AWS_OWNED =
        new EncryptionConfiguration(null, null, "AWS_OWNED_KEY");

    void check() {
      if (type == null || !Set.of("AWS_OWNED_KEY", "CUSTOMER_MANAGED_KMS_KEY").contains(type)) {
        throw new AwsError(
            "InvalidEncryptionConfiguration",
            "Invalid Encryption Configuration: type must be AWS_OWNED_KEY or CUSTOMER_MANAGED_KMS_KEY");
      }
      if (type.equals("CUSTOMER_MANAGED_KMS_KEY") && kmsKeyId == null) {
        throw new AwsError(
            "InvalidEncryptionConfiguration",
            "Invalid Encryption Configuration: CUSTOMER_MANAGED_KMS_KEY needs a kmsKeyId");
      }
      if (kmsDataKeyReusePeriodSeconds != null
          && (kmsDataKeyReusePeriodSeconds < 60 || kmsDataKeyReusePeriodSeconds > 900)) {
        throw AwsError.constraint(
            "encryptionConfiguration.kmsDataKeyReusePeriodSeconds",
            kmsDataKeyReusePeriodSeconds,
            "Member must have value between 60 and 900");
      }
    }
  }

  record Tag(String key, String value) {}
}
