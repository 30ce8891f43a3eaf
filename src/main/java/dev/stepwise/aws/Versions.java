package dev.stepwise.aws;

/**
 * State machine versions and aliases are not served by this wire API yet: a qualified ARN names a
 * state machine that does not exist here, and publishing is refused rather than ignored, so that a
 * client never believes it holds a version it does not.
 */
final class Versions {
  private Versions() {}

  static void refusePublish(Boolean publish) {
    if (Boolean.TRUE.equals(publish)) {
      throw AwsError.validation(
          "Publishing state machine versions is not available on this server");
    }
  }

  static void refuseQualifier(Arns.StateMachineArn arn) {
    if (arn.qualifier() != null) {
      throw new AwsError(
          AwsError.STATE_MACHINE_DOES_NOT_EXIST,
          "State Machine Does Not Exist: versions and aliases ('"
              + arn.name()
              + ":"
              + arn.qualifier()
              + "') are not available on this server");
    }
  }
}
