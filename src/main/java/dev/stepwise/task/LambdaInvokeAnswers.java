package dev.stepwise.task;

import dev.stepwise.asl.ErrorNames;
import dev.stepwise.asl.Json;
import dev.stepwise.engine.TaskOutcome;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * How an answer to a {@code lambda:invoke} Task becomes its outcome, in AWS's shape: {@code
 * {"ExecutedVersion", "Payload", "SdkHttpMetadata", "SdkResponseMetadata", "StatusCode"}} with the
 * endpoint's JSON answer as {@code Payload}, so selectors written for AWS ({@code "Payload.$":
 * "$.Payload"}) work. A function error (an answer holding {@code errorType}, or carrying Lambda's
 * {@code X-Amz-Function-Error} header) fails the state with that error name and, as AWS, the error
 * object as JSON text for the cause; the other failures take the names Lambda's client gives them,
 * which definitions written for AWS retry on.
 */
final class LambdaInvokeAnswers {
  static final String FUNCTION_ERROR_HEADER = "X-Amz-Function-Error";
  private static final String STATUS_CODE_ERROR = "States.Http.StatusCode.";

  private LambdaInvokeAnswers() {}

  /** The outcome of an answer to {@code call}. */
  static TaskOutcome outcome(
      HttpResponse<BoundedBody> response, int limitBytes, LambdaInvocation call) {
    var functionError = functionError(response);
    if (functionError.isPresent()) return functionError.get();
    return switch (EndpointAnswers.outcome(response, limitBytes)) {
      case TaskOutcome.Succeeded s -> new TaskOutcome.Succeeded(result(response, s.result(), call));
      case TaskOutcome.Failed f -> f;
    };
  }

  /** The result of a {@code DryRun}, which sends nothing. */
  static TaskOutcome dryRun(LambdaInvocation call) {
    return new TaskOutcome.Succeeded(shape(204, "", call, null, null));
  }

  /**
   * The outcome with AWS's names for the failures Lambda's client reports: a status code error
   * ({@code Lambda.TooManyRequestsException} for 429, {@code Lambda.ServiceException} for 5xx,
   * {@code Lambda.AWSLambdaException} for other codes) and no answer ({@code
   * Lambda.SdkClientException}). A function's own error, a timeout and an answer over the limit
   * keep theirs.
   */
  static TaskOutcome withAwsErrorNames(TaskOutcome outcome) {
    if (!(outcome instanceof TaskOutcome.Failed f)) return outcome;
    String error = f.error();
    if (ErrorNames.HTTP_SOCKET.equals(error)) {
      return new TaskOutcome.Failed("Lambda.SdkClientException", f.cause());
    }
    if (!error.startsWith(STATUS_CODE_ERROR)) return outcome;
    int status = Integer.parseInt(error.substring(STATUS_CODE_ERROR.length()));
    String name =
        status == 429
            ? "Lambda.TooManyRequestsException"
            : status >= 500 ? "Lambda.ServiceException" : "Lambda.AWSLambdaException";
    return new TaskOutcome.Failed(name, f.cause());
  }

  /**
   * An answer the function failed with: its {@code errorType} is the error, the whole error object
   * the cause, as AWS surfaces a Lambda function's error.
   */
  private static Optional<TaskOutcome> functionError(HttpResponse<BoundedBody> response) {
    boolean flagged = response.headers().firstValue(FUNCTION_ERROR_HEADER).isPresent();
    boolean success = response.statusCode() >= 200 && response.statusCode() < 300;
    if (!flagged && (success || response.body().overLimit())) return Optional.empty();
    String body = response.body().text();
    Object parsed;
    try {
      parsed = Json.parse(body);
    } catch (IllegalArgumentException e) {
      parsed = null;
    }
    if (parsed instanceof Map<?, ?> error && error.get("errorType") instanceof String type) {
      if (!type.isBlank()) return Optional.of(new TaskOutcome.Failed(type, cause(body)));
    }
    if (!flagged) return Optional.empty();
    // Lambda flags an error whose payload names no type (the runtime's own failures) as Unknown.
    return Optional.of(new TaskOutcome.Failed("Lambda.Unknown", cause(body)));
  }

  private static String cause(String body) {
    return EndpointAnswers.truncate(body, HttpInvokeAnswers.CAUSE_LIMIT);
  }

  private static Map<String, Object> result(
      HttpResponse<BoundedBody> response, Object payload, LambdaInvocation call) {
    boolean event = LambdaInvocation.EVENT.equals(call.type());
    String date = response.headers().firstValue("Date").orElse(null);
    String requestId = response.headers().firstValue("x-amzn-RequestId").orElse(null);
    return event
        ? shape(202, "", call, date, requestId)
        : shape(200, payload, call, date, requestId);
  }

  private static Map<String, Object> shape(
      int statusCode, Object payload, LambdaInvocation call, String date, String requestId) {
    String id = requestId != null ? requestId : UUID.randomUUID().toString();
    String version = call.function().executedVersion();
    String text = payload instanceof String s ? s : Json.write(payload);
    var headers = new LinkedHashMap<String, String>();
    headers.put("X-Amz-Executed-Version", version);
    headers.put("x-amzn-Remapped-Content-Length", "0");
    headers.put("Connection", "keep-alive");
    headers.put("x-amzn-RequestId", id);
    headers.put("Content-Length", Integer.toString(text.getBytes(StandardCharsets.UTF_8).length));
    if (date != null) headers.put("Date", date);
    headers.put("Content-Type", "application/json");
    var result = new LinkedHashMap<String, Object>();
    result.put("ExecutedVersion", version);
    result.put("Payload", payload);
    SdkMetadata.addTo(result, statusCode, headers, id);
    result.put("StatusCode", statusCode);
    return result;
  }
}
