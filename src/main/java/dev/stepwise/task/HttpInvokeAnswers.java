package dev.stepwise.task;

import dev.stepwise.asl.Json;
import dev.stepwise.engine.TaskOutcome;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How an answer to an {@code http:invoke} Task becomes its outcome, in AWS's shape: {@code
 * {"StatusCode", "StatusText", "Headers": {name: [values]}, "ResponseBody"}}. A 2xx answer is the
 * result; any other fails with {@code States.Http.StatusCode.<code>} and that same object, as JSON
 * text, for the cause.
 */
final class HttpInvokeAnswers {
  /** AWS's limit on a cause; a longer response body is cut to fit. */
  static final int CAUSE_LIMIT = 32_768;

  private HttpInvokeAnswers() {}

  /**
   * A successful answer over the payload limit fails with {@code States.DataLimitExceeded}; an
   * error answer over it keeps its status code error, with the part that was read as its body.
   */
  static TaskOutcome outcome(HttpResponse<BoundedBody> response, int limitBytes) {
    int status = response.statusCode();
    if (status >= 200 && status < 300 && response.body().overLimit()) {
      return EndpointAnswers.overLimit(response, limitBytes);
    }
    Map<String, Object> result = result(response);
    if (status >= 200 && status < 300) return new TaskOutcome.Succeeded(result);
    return new TaskOutcome.Failed(EndpointAnswers.statusCodeError(status), cause(result));
  }

  private static Map<String, Object> result(HttpResponse<BoundedBody> response) {
    var result = new LinkedHashMap<String, Object>();
    result.put("StatusCode", response.statusCode());
    result.put("StatusText", StatusTexts.of(response.statusCode()));
    result.put("Headers", headers(response));
    result.put("ResponseBody", responseBody(response));
    return result;
  }

  private static Map<String, Object> headers(HttpResponse<BoundedBody> response) {
    var headers = new LinkedHashMap<String, Object>();
    response.headers().map().forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
    return headers;
  }

  /** JSON when the answer says it is JSON and parses, its text otherwise (and when cut short). */
  private static Object responseBody(HttpResponse<BoundedBody> response) {
    String body = response.body().text();
    if (response.body().overLimit()) return body;
    boolean json =
        response
            .headers()
            .firstValue("Content-Type")
            .map(type -> type.toLowerCase(Locale.ROOT).contains("json"))
            .orElse(false);
    if (!json || body.isBlank()) return body;
    try {
      return Json.parse(body);
    } catch (IllegalArgumentException e) {
      return body;
    }
  }

  private static String cause(Map<String, Object> result) {
    String cause = Json.write(result);
    if (cause.length() <= CAUSE_LIMIT) return cause;
    var shortened = new LinkedHashMap<>(result);
    String body = Json.write(result.get("ResponseBody"));
    shortened.put("ResponseBody", EndpointAnswers.truncate(body, CAUSE_LIMIT / 2));
    return Json.write(shortened);
  }
}
