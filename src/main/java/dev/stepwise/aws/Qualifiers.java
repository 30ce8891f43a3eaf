package dev.stepwise.aws;

import dev.stepwise.statemachine.VersionNotFound;

/**
 * What each operation takes of a state machine ARN: the state machine itself, one of its versions
 * ({@code …:stateMachine:name:3}) or one of its aliases ({@code …:stateMachine:name:prod}). A
 * qualifier of digits names a version, any other an alias, as in StartExecution.
 */
final class Qualifiers {
  private Qualifiers() {}

  /**
   * The state machine's name; a version or alias ARN names no state machine here, as AWS answers
   * UpdateStateMachine given one.
   */
  static String unqualified(Arns.StateMachineArn arn, String given) {
    if (arn.qualifier() != null) {
      throw new AwsError(
          AwsError.STATE_MACHINE_DOES_NOT_EXIST,
          "State Machine Does Not Exist: '"
              + given
              + "' (a version or alias ARN; this operation takes the state machine's own)");
    }
    return arn.name();
  }

  /**
   * The version number a version ARN names.
   *
   * @throws VersionNotFound for a number larger than any version can have
   */
  static int version(Arns.StateMachineArn arn, String given) {
    if (!arn.qualified().namesVersion()) {
      throw new AwsError(
          AwsError.INVALID_ARN, "Invalid Arn: '" + given + "' is not a state machine version ARN");
    }
    if (arn.qualifier().length() > 9) throw new VersionNotFound(arn.name(), arn.qualifier());
    return Integer.parseInt(arn.qualifier());
  }

  static boolean namesVersion(Arns.StateMachineArn arn) {
    return arn.qualified().namesVersion();
  }

  /** The alias name an alias ARN names. */
  static String alias(Arns.StateMachineArn arn, String given) {
    if (arn.qualifier() == null || arn.qualified().namesVersion()) {
      throw new AwsError(
          AwsError.INVALID_ARN, "Invalid Arn: '" + given + "' is not a state machine alias ARN");
    }
    return arn.qualifier();
  }
}
