package dev.stepwise.api;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes the caller's W3C trace ({@code traceparent}, {@code tracestate}) the current trace context
 * of a request that has no span of its own, so a start continues the caller's trace ({@code
 * ExecutionTrace.ofCurrentRequest}) with nothing exported. When spans are exported, Spring Boot's
 * HTTP server tracing has already made a span for the request (its filter runs first, this one
 * last) and this one leaves it alone. Parsing is OpenTelemetry's propagator's: a malformed header
 * is ignored, as the specification asks.
 */
@Component
class CallerTrace extends OncePerRequestFilter {
  private static final TextMapGetter<HttpServletRequest> HEADERS =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HttpServletRequest request) {
          return Collections.list(request.getHeaderNames());
        }

        @Override
        public String get(HttpServletRequest request, String name) {
          return request == null ? null : request.getHeader(name);
        }
      };

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (Span.current().getSpanContext().isValid() || request.getHeader("traceparent") == null) {
      chain.doFilter(request, response);
      return;
    }
    Context caller =
        W3CTraceContextPropagator.getInstance().extract(Context.root(), request, HEADERS);
    try (var scope = caller.makeCurrent()) {
      chain.doFilter(request, response);
    }
  }
}
