/**
 * Tracing: the W3C trace context an execution keeps ({@code traceparent} and {@code tracestate},
 * taken from the request that started it and stored on its row), and the spans of its steps and
 * Task requests (Micrometer Tracing over OpenTelemetry). An execution's Task requests carry its
 * trace on, so a workflow's calls join the caller's trace whether or not spans are exported.
 *
 * <p>A leaf: it knows no other module of Stepwise; the core and the start paths call it.
 */
package dev.stepwise.tracing;
