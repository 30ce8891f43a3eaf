package dev.stepwise.teststate;

/**
 * A TestState request, shaped as AWS's ({@code states:TestState}): JSON payloads travel as JSON
 * text, and every field but {@code definition} may be null.
 *
 * @param definition one state's ASL, or with {@code stateName} a whole state machine's
 * @param roleArn accepted and not used (there is no IAM here); shown as {@code
 *     $$.Execution.RoleArn}
 * @param input the state's input (default {@code {}})
 * @param inspectionLevel how much to show (default {@link InspectionLevel#INFO})
 * @param revealSecrets show, at {@code TRACE}, the request headers a task route adds (needs {@code
 *     stepwise.test-state.allow-reveal-secrets})
 * @param variables a JSON object: the variables in scope
 * @param stateName the state of {@code definition} to test
 * @param mock the Task's (Parallel's, Map's) result or error instead of a call
 * @param context a JSON object laid over the context object ({@code $$}) the state sees
 * @param stateConfiguration where the state stands: retries made, failed Map iterations
 */
public record TestStateRequest(
    String definition,
    String roleArn,
    String input,
    InspectionLevel inspectionLevel,
    Boolean revealSecrets,
    String variables,
    String stateName,
    MockInput mock,
    String context,
    TestStateConfiguration stateConfiguration) {

  /** A test of one state's definition on an input, at the {@code INFO} level, with no mock. */
  public static TestStateRequest of(String definition, String input) {
    return new TestStateRequest(definition, null, input, null, null, null, null, null, null, null);
  }

  /** AWS's {@code InspectionLevel}. */
  public enum InspectionLevel {
    /** The output, next state and status only. */
    INFO,
    /** Also the intermediate values of the input and output processing ({@code inspectionData}). */
    DEBUG,
    /** Also the HTTP request and response of a Task's call. */
    TRACE
  }

  /**
   * AWS's {@code MockInput}: exactly one of {@code result} and {@code errorOutput}.
   *
   * @param result JSON text: the Task's result (a Parallel's or Map's: a JSON array)
   * @param errorOutput the error the state fails with instead
   * @param fieldValidationMode accepted; Stepwise has no service models to check a result against
   */
  public record MockInput(
      String result, MockErrorOutput errorOutput, FieldValidationMode fieldValidationMode) {}

  /** AWS's {@code MockErrorOutput}. */
  public record MockErrorOutput(String error, String cause) {}

  /** AWS's {@code MockResponseValidationMode}. */
  public enum FieldValidationMode {
    STRICT,
    PRESENT,
    NONE
  }

  /**
   * AWS's {@code TestStateConfiguration}.
   *
   * @param retrierRetryCount retries already made by the retrier that matches the error (default 0)
   * @param errorCausedByState with a mocked error on a Parallel or Map: the state inside it that
   *     failed (checked to exist)
   * @param mapIterationFailureCount with a mocked result on a distributed Map: its failed
   *     iterations, weighed against its tolerated failure count and percentage
   * @param mapItemReaderData accepted and not used: Stepwise's Map states read no items from S3
   */
  public record TestStateConfiguration(
      Integer retrierRetryCount,
      String errorCausedByState,
      Integer mapIterationFailureCount,
      String mapItemReaderData) {}
}
