package dev.stepwise.teststate;

/**
 * A TestState answer, shaped as AWS's: JSON payloads as JSON text, absent fields null.
 *
 * @param output the state's output (with {@code SUCCEEDED}, or the catcher's with {@code
 *     CAUGHT_ERROR})
 * @param error the error the state failed with (every status but {@code SUCCEEDED})
 * @param inspectionData at {@code DEBUG} and {@code TRACE} only
 * @param nextState the state that would run next; null at the end or after a failure
 */
public record TestStateResponse(
    String output,
    String error,
    String cause,
    InspectionData inspectionData,
    String nextState,
    TestExecutionStatus status) {

  /** AWS's {@code TestExecutionStatus}. */
  public enum TestExecutionStatus {
    SUCCEEDED,
    FAILED,
    RETRIABLE,
    CAUGHT_ERROR
  }

  /**
   * AWS's {@code InspectionData}: each value the state computed, as JSON text; null where the state
   * computed none.
   */
  public record InspectionData(
      String input,
      String afterArguments,
      String afterInputPath,
      String afterParameters,
      String result,
      String afterResultSelector,
      String afterResultPath,
      InspectionDataRequest request,
      InspectionDataResponse response,
      String variables,
      InspectionErrorDetails errorDetails) {}

  /**
   * AWS's {@code InspectionDataRequest}: a Task's HTTP request, at {@code TRACE}.
   *
   * @param headers a JSON object as text: each header's values, by name
   */
  public record InspectionDataRequest(
      String protocol, String method, String url, String headers, String body) {}

  /**
   * AWS's {@code InspectionDataResponse}: the answer to a Task's HTTP request, at {@code TRACE}.
   *
   * @param headers a JSON object as text: each header's values, by name
   */
  public record InspectionDataResponse(
      String protocol, String statusCode, String statusMessage, String headers, String body) {}

  /** AWS's {@code InspectionErrorDetails}: the retrier or catcher that handled the error. */
  public record InspectionErrorDetails(
      Integer catchIndex, Integer retryIndex, Integer retryBackoffIntervalSeconds) {}
}
