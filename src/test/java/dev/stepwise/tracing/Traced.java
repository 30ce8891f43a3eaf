package dev.stepwise.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.Json;
import dev.stepwise.support.Api;
import dev.stepwise.support.Sfn;
import dev.stepwise.support.TestEndpoint;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.sfn.SfnClient;

/** Starts with a caller's trace headers, over REST and the wire API, and reads what Tasks got. */
final class Traced {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private Traced() {}

  /** A caller's {@code traceparent}: a new trace id and span id, sampled. */
  static TraceParent callersTrace() {
    return TraceParent.newTrace(true);
  }

  /** Starts an execution over REST with {@code traceparent} (and {@code tracestate}, if any). */
  static String startOverRest(Api api, String stateMachine, String traceParent, String traceState) {
    var request =
        HttpRequest.newBuilder(
                URI.create(api.base() + "/v1/state-machines/" + stateMachine + "/executions"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("input", Map.of()))));
    if (traceParent != null) request.header("traceparent", traceParent);
    if (traceState != null) request.header("tracestate", traceState);
    try {
      var response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
      @SuppressWarnings("unchecked")
      var body = (Map<String, Object>) Json.parse(response.body());
      return (String) body.get("executionId");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * An AWS SDK client that sends {@code traceparent} (whatever {@code header} holds at the time)
   * with every request, as an instrumented program does.
   */
  static SfnClient wireClient(String endpoint, AtomicReference<String> header) {
    ExecutionInterceptor traced =
        new ExecutionInterceptor() {
          @Override
          public SdkHttpRequest modifyHttpRequest(
              Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
            String value = header.get();
            if (value == null) return context.httpRequest();
            return context.httpRequest().toBuilder().putHeader("traceparent", value).build();
          }
        };
    return Sfn.builder(endpoint)
        .overrideConfiguration(
            c ->
                c.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true)
                    .addExecutionInterceptor(traced))
        .build();
  }

  /** The {@code traceparent} the Task request got, read; fails when it had none or a bad one. */
  static TraceParent received(TestEndpoint.Call call) {
    String value = call.header("traceparent");
    assertThat(value).as("traceparent of the call to " + call.path()).isNotNull();
    return TraceParent.parse(value).orElseThrow(() -> new AssertionError("malformed: " + value));
  }
}
