package dev.stepwise.tracing;

import io.micrometer.tracing.Span;

/**
 * One Task request's part of its execution's trace: the {@code traceparent} it sends (its own
 * span's id when spans are made, else a new span id in the execution's trace), the {@code
 * tracestate} passed on, and the span, ended with the request.
 */
public final class TaskSpan implements AutoCloseable {
  private final TraceParent sent;
  private final String traceState;
  private final Span span;

  TaskSpan(TraceParent sent, String traceState, Span span) {
    this.sent = sent;
    this.traceState = traceState;
    this.span = span;
  }

  /** The {@code traceparent} header's value; null when the execution keeps no trace. */
  public String traceParent() {
    return sent == null ? null : sent.header();
  }

  /** The {@code tracestate} header's value; null for none. */
  public String traceState() {
    return sent == null ? null : traceState;
  }

  /** Marks the request failed with the Task's {@code error} name. */
  public void failed(String error) {
    if (span != null) span.tag("error", error);
  }

  @Override
  public void close() {
    if (span != null) span.end();
  }
}
