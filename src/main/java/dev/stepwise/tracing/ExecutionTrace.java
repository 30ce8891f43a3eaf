package dev.stepwise.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * The trace context an execution keeps with its row, as W3C header values: {@code traceParent}
 * names the trace and the span its work descends from; {@code traceState} (may be null) is the
 * vendors' part, passed on unchanged.
 */
public record ExecutionTrace(String traceParent, String traceState) {
  /** The most a {@code tracestate} may hold (Trace Context, level 1: 32 entries in 512 bytes). */
  static final int MAX_TRACE_STATE = 512;

  /**
   * The trace a start request continues: the current trace context, which is the span Spring Boot's
   * HTTP server tracing made for the request when spans are exported (it continues the caller's
   * {@code traceparent}, or begins a trace when none came in, so the execution's spans hang under
   * it), and otherwise the caller's own {@code traceparent} as the web layer read it. With neither
   * (no header, a malformed one, or a start outside a request), a new trace, not sampled: Stepwise
   * made no decision to record it, so the services it calls decide for themselves.
   */
  public static ExecutionTrace ofCurrentRequest() {
    SpanContext span = Span.current().getSpanContext();
    if (!span.isValid()) return new ExecutionTrace(TraceParent.newTrace(false).header(), null);
    String flags = span.isSampled() ? "01" : "00";
    var parent = new TraceParent(span.getTraceId(), span.getSpanId(), flags);
    return new ExecutionTrace(parent.header(), traceState(span));
  }

  private static String traceState(SpanContext span) {
    if (span.getTraceState().isEmpty()) return null;
    var entries = new StringBuilder();
    span.getTraceState()
        .forEach(
            (key, value) ->
                entries.append(entries.isEmpty() ? "" : ",").append(key).append('=').append(value));
    return validTraceState(entries.toString());
  }

  /** A {@code tracestate} worth passing on: short enough, and printable ASCII only. */
  static String validTraceState(String value) {
    if (value == null || value.isBlank() || value.length() > MAX_TRACE_STATE) return null;
    boolean printable = value.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    return printable ? value.strip() : null;
  }
}
