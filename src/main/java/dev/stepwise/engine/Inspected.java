package dev.stepwise.engine;

/**
 * The intermediate values of one state that TestState shows at its {@code DEBUG} and {@code TRACE}
 * levels, each named as AWS names it in {@code InspectionData}.
 */
public enum Inspected {
  /** The state's raw input. */
  INPUT("input"),
  /** The input after {@code InputPath} (JSONPath). */
  AFTER_INPUT_PATH("afterInputPath"),
  /** The effective input after {@code Parameters} (JSONPath). */
  AFTER_PARAMETERS("afterParameters"),
  /** The effective input after {@code Arguments} (JSONata). */
  AFTER_ARGUMENTS("afterArguments"),
  /** The state's raw result: a Task's answer, a Pass state's {@code Result}, a fork's outputs. */
  RESULT("result"),
  /** The result after {@code ResultSelector} (JSONPath). */
  AFTER_RESULT_SELECTOR("afterResultSelector"),
  /** The result placed into the raw input by {@code ResultPath} (JSONPath). */
  AFTER_RESULT_PATH("afterResultPath"),
  /** The variables in scope after the state's {@code Assign}. */
  VARIABLES("variables");

  private final String awsName;

  Inspected(String awsName) {
    this.awsName = awsName;
  }

  /** The field's name in AWS's {@code InspectionData}. */
  public String awsName() {
    return awsName;
  }
}
