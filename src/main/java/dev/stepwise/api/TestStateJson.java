package dev.stepwise.api;

import dev.stepwise.asl.Json;
import dev.stepwise.teststate.TestStateRequest;
import dev.stepwise.teststate.TestStateRequest.FieldValidationMode;
import dev.stepwise.teststate.TestStateRequest.InspectionLevel;
import dev.stepwise.teststate.TestStateResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The native API's TestState shapes and their translation to and from AWS's: where AWS carries JSON
 * text, the native API takes a JSON value or a string holding JSON text, and answers with JSON
 * values.
 */
final class TestStateJson {
  private TestStateJson() {}

  record Body(
      JsonNode definition,
      String stateName,
      JsonNode input,
      String inspectionLevel,
      Boolean revealSecrets,
      JsonNode variables,
      String roleArn,
      Mock mock,
      JsonNode context,
      StateConfiguration stateConfiguration) {}

  record Mock(JsonNode result, ErrorOutput errorOutput, String fieldValidationMode) {}

  record ErrorOutput(String error, String cause) {}

  record StateConfiguration(
      Integer retrierRetryCount,
      String errorCausedByState,
      Integer mapIterationFailureCount,
      JsonNode mapItemReaderData) {}

  static TestStateRequest request(Body body) {
    if (body.definition() != null
        && !body.definition().isNull()
        && !body.definition().isObject()
        && !body.definition().isString()) {
      throw new BadRequestException("'definition' must be an object or a string holding one");
    }
    Mock mock = body.mock();
    StateConfiguration configuration = body.stateConfiguration();
    return new TestStateRequest(
        text(body.definition()),
        body.roleArn(),
        text(body.input()),
        named(InspectionLevel.class, body.inspectionLevel(), "inspectionLevel"),
        body.revealSecrets(),
        text(body.variables()),
        body.stateName(),
        mock == null
            ? null
            : new TestStateRequest.MockInput(
                text(mock.result()),
                mock.errorOutput() == null
                    ? null
                    : new TestStateRequest.MockErrorOutput(
                        mock.errorOutput().error(), mock.errorOutput().cause()),
                named(
                    FieldValidationMode.class,
                    mock.fieldValidationMode(),
                    "mock.fieldValidationMode")),
        text(body.context()),
        configuration == null
            ? null
            : new TestStateRequest.TestStateConfiguration(
                configuration.retrierRetryCount(),
                configuration.errorCausedByState(),
                configuration.mapIterationFailureCount(),
                text(configuration.mapItemReaderData())));
  }

  /**
   * A JSON value as JSON text; a string is taken to hold JSON text already (AWS's form). Null, as
   * an absent field reads, is no value (the JSON null is the string {@code "null"}).
   */
  private static String text(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) return null;
    if (node.isString()) return node.stringValue();
    return Json.write(Json.fromNode(node));
  }

  private static <E extends Enum<E>> E named(Class<E> type, String name, String field) {
    if (name == null) return null;
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(
          "'" + field + "' must be one of " + Arrays.toString(type.getEnumConstants()));
    }
  }

  /** The answer with JSON values in place of AWS's JSON text; absent fields are left out. */
  static Map<String, Object> answer(TestStateResponse response) {
    var answer = new LinkedHashMap<String, Object>();
    answer.put("status", response.status().name());
    if (response.output() != null) answer.put("output", Json.parse(response.output()));
    putIfPresent(answer, "nextState", response.nextState());
    putIfPresent(answer, "error", response.error());
    putIfPresent(answer, "cause", response.cause());
    var data = response.inspectionData();
    if (data != null) {
      var inspection = new LinkedHashMap<String, Object>();
      value(inspection, "input", data.input());
      value(inspection, "afterInputPath", data.afterInputPath());
      value(inspection, "afterParameters", data.afterParameters());
      value(inspection, "afterArguments", data.afterArguments());
      value(inspection, "result", data.result());
      value(inspection, "afterResultSelector", data.afterResultSelector());
      value(inspection, "afterResultPath", data.afterResultPath());
      value(inspection, "variables", data.variables());
      if (data.request() != null) inspection.put("request", request(data.request()));
      if (data.response() != null) inspection.put("response", response(data.response()));
      if (data.errorDetails() != null) {
        var details = new LinkedHashMap<String, Object>();
        putIfPresent(details, "catchIndex", data.errorDetails().catchIndex());
        putIfPresent(details, "retryIndex", data.errorDetails().retryIndex());
        putIfPresent(
            details,
            "retryBackoffIntervalSeconds",
            data.errorDetails().retryBackoffIntervalSeconds());
        inspection.put("errorDetails", details);
      }
      answer.put("inspectionData", inspection);
    }
    return answer;
  }

  private static Map<String, Object> request(TestStateResponse.InspectionDataRequest request) {
    var out = new LinkedHashMap<String, Object>();
    out.put("protocol", request.protocol());
    out.put("method", request.method());
    out.put("url", request.url());
    out.put("headers", Json.parse(request.headers()));
    putIfPresent(out, "body", request.body());
    return out;
  }

  private static Map<String, Object> response(TestStateResponse.InspectionDataResponse response) {
    var out = new LinkedHashMap<String, Object>();
    out.put("protocol", response.protocol());
    out.put("statusCode", Integer.parseInt(response.statusCode()));
    out.put("statusMessage", response.statusMessage());
    out.put("headers", Json.parse(response.headers()));
    putIfPresent(out, "body", response.body());
    return out;
  }

  private static void value(Map<String, Object> out, String key, String json) {
    if (json != null) out.put(key, Json.parse(json));
  }

  private static void putIfPresent(Map<String, Object> out, String key, Object value) {
    if (value != null) out.put(key, value);
  }
}
