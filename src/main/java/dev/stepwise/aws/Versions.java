package dev.stepwise.aws;

/**
 * The wire API does not serve the version and alias operations yet (they are on the REST API):
 * StartExecution and StartSyncExecution start on a qualified ARN, the other operations refuse one,
 * and publishing is refused rather than ignored, so that a client never believes it holds a version
 * it does not.
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
          "State Machine Does Not Exist: this operation does not take a version or alias ARN on"
              + " the wire API yet ('"
              + arn.name()
              + ":"
              + arn.qualifier()
              + "')");
    }
  }
}
