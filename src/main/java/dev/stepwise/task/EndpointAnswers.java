package dev.stepwise.task;

import dev.stepwise.asl.ErrorNames;
import dev.stepwise.asl.Json;
import dev.stepwise.asl.UnrepresentableNumberException;
import dev.stepwise.engine.TaskOutcome;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.exc.StreamConstraintsException;

/** How an answer from a URL or routed endpoint becomes a Task outcome (API.md §2). */
final class EndpointAnswers {
  static final int CAUSE_BODY_LIMIT = 1024;

  private EndpointAnswers() {}

  /**
   * A successful answer over the payload limit fails with {@code States.DataLimitExceeded}; an
   * error answer over it keeps its status code error, with the part that was read as the cause.
   */
  static TaskOutcome outcome(HttpResponse<BoundedBody> response, int limitBytes) {
    int status = response.statusCode();
    BoundedBody bounded = response.body();
    if (status >= 200 && status < 300 && bounded.overLimit()) {
      return overLimit(response, limitBytes);
    }
    String body = bounded.text();
    if (status >= 200 && status < 300) return success(response, body);
    var parsedError = bounded.overLimit() ? Optional.<TaskOutcome>empty() : endpointError(body);
    return parsedError.orElseGet(
        () ->
            new TaskOutcome.Failed(
                statusCodeError(status),
                "HTTP "
                    + status
                    + statusText(status)
                    + " from "
                    + target(response)
                    + bodySuffix(body)
                    + (bounded.overLimit() ? " (answer cut at " + limitBytes + " bytes)" : "")));
  }

  static TaskOutcome overLimit(HttpResponse<?> response, int limitBytes) {
    return new TaskOutcome.Failed(
        ErrorNames.DATA_LIMIT_EXCEEDED,
        "The answer from "
            + target(response)
            + " is larger than the payload limit of "
            + limitBytes
            + " bytes");
  }

  static String statusCodeError(int status) {
    return "States.Http.StatusCode." + status;
  }

  private static TaskOutcome success(HttpResponse<?> response, String body) {
    if (body.isBlank()) return new TaskOutcome.Succeeded(null);
    try {
      return new TaskOutcome.Succeeded(Json.parse(body));
    } catch (IllegalArgumentException e) {
      return new TaskOutcome.Failed(
          ErrorNames.HTTP_SOCKET,
          "Malformed answer from "
              + target(response)
              + ": HTTP "
              + response.statusCode()
              + " with a body that is not JSON"
              + why(e)
              + bodySuffix(body));
    }
  }

  /** Why valid-looking JSON was refused: a number out of range, or nesting too deep. */
  private static String why(IllegalArgumentException e) {
    boolean limit =
        e.getCause() instanceof UnrepresentableNumberException
            || e.getCause() instanceof StreamConstraintsException;
    return limit ? " (" + e.getMessage() + ")" : "";
  }

  /**
   * The endpoint's own error, so that Retry and Catch can name it: a JSON object with {@code error}
   * and {@code cause}, or Lambda's {@code errorType} and {@code errorMessage}.
   */
  private static Optional<TaskOutcome> endpointError(String body) {
    Object parsed;
    try {
      parsed = Json.parse(body);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!(parsed instanceof Map<?, ?> object)) return Optional.empty();
    Object error = object.containsKey("error") ? object.get("error") : object.get("errorType");
    String causeKey = object.containsKey("cause") ? "cause" : "errorMessage";
    if (!(error instanceof String name) || name.isBlank() || !object.containsKey(causeKey)) {
      return Optional.empty();
    }
    Object cause = object.get(causeKey);
    String causeText =
        cause == null || cause instanceof String ? (String) cause : Json.write(cause);
    return Optional.of(new TaskOutcome.Failed(name, causeText));
  }

  private static String target(HttpResponse<?> response) {
    return response.request().method() + " " + response.request().uri();
  }

  private static String statusText(int status) {
    String text = StatusTexts.of(status);
    return text.isEmpty() ? "" : " " + text;
  }

  private static String bodySuffix(String body) {
    if (body.isBlank()) return "";
    return ": " + truncate(body, CAUSE_BODY_LIMIT);
  }

  static String truncate(String text, int limit) {
    return text.length() <= limit ? text : text.substring(0, limit) + "… (truncated)";
  }
}
