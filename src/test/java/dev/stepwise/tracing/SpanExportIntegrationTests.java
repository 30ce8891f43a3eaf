package dev.stepwise.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.stepwise.support.StepwiseInstance;
import dev.stepwise.support.TestEndpoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With an OTLP endpoint set (the standard property), the spans of an execution's steps and Task
 * requests go there over HTTP, in the caller's trace. The receiver is a real HTTP server that keeps
 * what it is sent (OTLP's protobuf, searched for names and ids rather than decoded).
 */
class SpanExportIntegrationTests {
  static HttpServer collector;
  static final ByteArrayOutputStream received = new ByteArrayOutputStream();
  static TestEndpoint endpoint;

  @BeforeAll
  static void startCollector() throws IOException {
    collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    collector.createContext(
        "/v1/traces",
        exchange -> {
          try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            synchronized (received) {
              received.writeBytes(body);
            }
            exchange.sendResponseHeaders(200, -1);
          }
        });
    collector.start();
    endpoint = new TestEndpoint();
    endpoint.echo("/call");
  }

  @AfterAll
  static void stop() {
    collector.stop(0);
    endpoint.close();
  }

  @Test
  void spansOfStepsAndTaskRequestsGoToTheOtlpEndpoint() {
    String otlp = "http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces";
    try (var stepwise =
        StepwiseInstance.start(
            Map.of(
                "management.opentelemetry.tracing.export.otlp.endpoint",
                otlp,
                "management.opentelemetry.tracing.export.schedule-delay",
                "100ms"))) {
      assertThat(stepwise.bean(StepSpans.class).recording()).isTrue();
      stepwise
          .api()
          .createStateMachine(
              "exported",
              """
              {"StartAt": "Call", "States": {
                "Call": {"Type": "Task", "Resource": "%s", "End": true}}}
              """
                  .formatted(endpoint.url("/call")));
      TraceParent caller = Traced.callersTrace();
      String id = Traced.startOverRest(stepwise.api(), "exported", caller.header(), null);
      stepwise.api().awaitEnd(id, Duration.ofSeconds(30));

      byte[] traceId = HexFormat.of().parseHex(caller.traceId());
      // The Task request's span is the parent the called service saw.
      byte[] taskSpanId =
          HexFormat.of().parseHex(Traced.received(endpoint.calls("/call").getFirst()).parentId());
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () -> {
                byte[] sent = sent();
                assertThat(contains(sent, "stepwise.step".getBytes(StandardCharsets.UTF_8)))
                    .isTrue();
                assertThat(contains(sent, "stepwise.task".getBytes(StandardCharsets.UTF_8)))
                    .isTrue();
                assertThat(contains(sent, id.getBytes(StandardCharsets.UTF_8))).isTrue();
                assertThat(contains(sent, "Call".getBytes(StandardCharsets.UTF_8))).isTrue();
                assertThat(contains(sent, bytes("stepwise.states.entered"))).isTrue();
                assertThat(contains(sent, traceId)).isTrue();
                assertThat(contains(sent, taskSpanId)).isTrue();
              });
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] sent() {
    synchronized (received) {
      return received.toByteArray();
    }
  }

  private static boolean contains(byte[] data, byte[] part) {
    outer:
    for (int i = 0; i + part.length <= data.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (data[i + j] != part[j]) continue outer;
      }
      return true;
    }
    return false;
  }
}
