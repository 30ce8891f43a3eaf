package dev.stepwise.teststate;

import dev.stepwise.asl.Json;
import dev.stepwise.engine.Inspected;
import dev.stepwise.engine.StateTestResult;
import dev.stepwise.task.HttpExchange;
import dev.stepwise.teststate.TestStateRequest.InspectionLevel;
import dev.stepwise.teststate.TestStateResponse.InspectionData;
import dev.stepwise.teststate.TestStateResponse.InspectionDataRequest;
import dev.stepwise.teststate.TestStateResponse.InspectionDataResponse;
import dev.stepwise.teststate.TestStateResponse.InspectionErrorDetails;
import dev.stepwise.teststate.TestStateResponse.TestExecutionStatus;
import java.util.Map;

/** A {@link StateTestResult} as AWS answers TestState, with as much shown as the level asks. */
final class InspectionAnswers {
  private InspectionAnswers() {}

  static TestStateResponse of(
      StateTestResult result, InspectionLevel level, HttpExchange exchange) {
    InspectionData data =
        level == InspectionLevel.INFO
            ? null
            : data(result, level == InspectionLevel.TRACE ? exchange : null);
    return new TestStateResponse(
        result.hasOutput() ? Json.write(result.output()) : null,
        result.error(),
        result.cause(),
        data,
        result.nextState(),
        TestExecutionStatus.valueOf(result.status().name()));
  }

  private static InspectionData data(StateTestResult result, HttpExchange exchange) {
    Map<Inspected, Object> values = result.inspection();
    return new InspectionData(
        text(values, Inspected.INPUT),
        text(values, Inspected.AFTER_ARGUMENTS),
        text(values, Inspected.AFTER_INPUT_PATH),
        text(values, Inspected.AFTER_PARAMETERS),
        text(values, Inspected.RESULT),
        text(values, Inspected.AFTER_RESULT_SELECTOR),
        text(values, Inspected.AFTER_RESULT_PATH),
        exchange == null ? null : request(exchange.request()),
        exchange == null || exchange.response() == null ? null : response(exchange.response()),
        text(values, Inspected.VARIABLES),
        errorDetails(result.errorDetails()));
  }

  /** A recorded value as JSON text (JSON null is {@code "null"}); null when not recorded. */
  private static String text(Map<Inspected, Object> values, Inspected field) {
    return values.containsKey(field) ? Json.write(values.get(field)) : null;
  }

  private static InspectionDataRequest request(HttpExchange.Request request) {
    return new InspectionDataRequest(
        request.protocol(),
        request.method(),
        request.url(),
        Json.write(request.headers()),
        request.body());
  }

  private static InspectionDataResponse response(HttpExchange.Response response) {
    return new InspectionDataResponse(
        response.protocol(),
        Integer.toString(response.statusCode()),
        response.statusMessage(),
        Json.write(response.headers()),
        response.body());
  }

  private static InspectionErrorDetails errorDetails(StateTestResult.ErrorDetails details) {
    if (details == null) return null;
    Long backoff = details.retryBackoffIntervalSeconds();
    return new InspectionErrorDetails(
        details.catchIndex(),
        details.retryIndex(),
        backoff == null ? null : (int) Math.min(Integer.MAX_VALUE, backoff));
  }
}
