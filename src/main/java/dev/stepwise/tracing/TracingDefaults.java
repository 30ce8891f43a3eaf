package dev.stepwise.tracing;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Spans are made only when they go somewhere: with no OTLP endpoint configured ({@code
 * management.opentelemetry.tracing.export.otlp.endpoint}), OpenTelemetry's tracer is left out
 * ({@code spring.autoconfigure.exclude}), so no HTTP request opens a server span that nobody
 * records — a cost the benchmark measured on every start. Propagation does not need the tracer: the
 * web layer makes the caller's {@code traceparent} current for the request, a start keeps it
 * ({@link ExecutionTrace#ofCurrentRequest()}) and Task requests carry it on ({@link TaskSpan}).
 * {@code stepwise.tracing.spans-without-export=true} keeps the tracer (log lines then carry the
 * request's trace ids even with nothing exported).
 */
public class TracingDefaults implements EnvironmentPostProcessor {
  static final String OTLP_ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";
  static final String KEEP = "stepwise.tracing.spans-without-export";
  static final String EXCLUDE = "spring.autoconfigure.exclude";
  static final String TRACER =
      "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure."
          + "OpenTelemetryTracingAutoConfiguration";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication app) {
    String endpoint = env.getProperty(OTLP_ENDPOINT, "");
    if (!endpoint.isBlank() || env.getProperty(KEEP, Boolean.class, false)) return;
    // Added first, so it must carry on whatever was excluded elsewhere.
    String excluded = env.getProperty(EXCLUDE, "");
    String value = excluded.isBlank() ? TRACER : excluded + "," + TRACER;
    env.getPropertySources()
        .addFirst(new MapPropertySource("stepwiseTracingWithoutExport", Map.of(EXCLUDE, value)));
  }
}
