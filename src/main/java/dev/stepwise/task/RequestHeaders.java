package dev.stepwise.task;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.stepwise.engine.TaskRequest;
import dev.stepwise.task.HttpTaskDispatcher.CallContext;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.util.Locale;
import java.util.Set;

/**
 * The headers of a Task's request: those a route, a definition or a connection adds (less the ones
 * the JDK client sets itself), and Stepwise's own, which say which execution, state and attempt the
 * call is for (API.md §2).
 */
final class RequestHeaders {
  static final String EXECUTION_ID_HEADER = "Stepwise-Execution-Id";
  static final String STATE_NAME_HEADER = "Stepwise-State-Name";
  static final String ATTEMPT_HEADER = "Stepwise-Attempt";
  static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
  static final String TASK_TOKEN_HEADER = "Stepwise-Task-Token";
  static final String TRACE_PARENT_HEADER = "traceparent";
  static final String TRACE_STATE_HEADER = "tracestate";

  // The JDK client sets these itself and refuses them from callers.
  private static final Set<String> CLIENT_MANAGED_HEADERS =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private RequestHeaders() {}

  static void add(HttpRequest.Builder builder, String name, String value) {
    if (!CLIENT_MANAGED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
      builder.header(name, value);
    }
  }

  // Set last, so that configured or parameter headers cannot disguise a call's identity.
  static void identify(HttpRequest.Builder builder, TaskRequest request, CallContext context) {
    builder.setHeader(STATE_NAME_HEADER, headerValue(request.stateName()));
    builder.setHeader(ATTEMPT_HEADER, Integer.toString(request.attempt()));
    if (context.executionId() != null) {
      builder.setHeader(EXECUTION_ID_HEADER, headerValue(context.executionId()));
    }
    if (context.idempotencyKey() != null) {
      builder.setHeader(IDEMPOTENCY_KEY_HEADER, headerValue(context.idempotencyKey()));
    }
    if (request.callback() != null) {
      builder.setHeader(TASK_TOKEN_HEADER, request.callback().taskToken());
    }
    // The execution's trace goes on over any a route or a definition set: one trace per workflow.
    if (context.traceParent() != null) {
      builder.setHeader(TRACE_PARENT_HEADER, context.traceParent());
      if (context.traceState() != null) {
        builder.setHeader(TRACE_STATE_HEADER, context.traceState());
      }
    }
  }

  /**
   * State names may hold any Unicode, header values only visible ASCII: anything else is sent
   * percent-encoded as UTF-8, as RFC 8187 does.
   */
  static String headerValue(String text) {
    if (text == null) return "";
    boolean plain = text.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    return plain ? text : URLEncoder.encode(text, UTF_8).replace("+", "%20");
  }
}
