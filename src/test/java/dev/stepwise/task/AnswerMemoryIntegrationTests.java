package dev.stepwise.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.support.StepwiseProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Huge Task answers cost a bounded amount of memory: a service with a 256 MiB heap takes ten
 * concurrent 50 MB answers, fails those states with {@code States.DataLimitExceeded} and goes on
 * working.
 */
class AnswerMemoryIntegrationTests {
  private static final long FIFTY_MB = 50L * 1024 * 1024;

  @Test
  void tenConcurrentFiftyMegabyteAnswersFailTheirStatesAndChangeNothingElse() throws Exception {
    var completeAnswers = new AtomicInteger();
    var droppedAnswers = new AtomicInteger();
    try (var endpoint = new TestServer();
        var service =
            StepwiseProcess.start(
                    Files.createTempFile("stepwise-answers", ".log"),
                    List.of(),
                    List.of("-Xmx256m"),
                    "--stepwise.embedded-postgres.ephemeral=true")
                .awaitHealthy(Duration.ofSeconds(120))) {
      endpoint.respondWith(
          exchange -> {
            if (exchange.getRequestURI().getPath().equals("/small")) {
              TestServer.send(exchange, 200, "application/json", "{\"ok\":true}");
              return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0); // chunked: no length to refuse up front
            if (streamJsonString(exchange.getResponseBody(), FIFTY_MB)) {
              completeAnswers.incrementAndGet();
            } else {
              droppedAnswers.incrementAndGet();
            }
            exchange.close();
          });
      var api = service.api();
      api.createStateMachine("huge-answer", task(endpoint.url("/huge")));
      api.createStateMachine("small-answer", task(endpoint.url("/small")));

      var ids = new ArrayList<String>();
      for (int i = 0; i < 10; i++) ids.add(api.start("huge-answer", Map.of("i", i)));

      for (String id : ids) {
        var execution = api.awaitEnd(id, Duration.ofSeconds(120));
        assertThat(execution.get("status")).isEqualTo("FAILED");
        assertThat(execution.get("error")).isEqualTo("States.DataLimitExceeded");
      }
      // The endpoint notices a dropped connection at its next write, which may come a moment
      // after Stepwise has recorded the failure.
      for (int i = 0; i < 100 && droppedAnswers.get() + completeAnswers.get() < 10; i++) {
        Thread.sleep(100);
      }
      assertThat(droppedAnswers.get()).isEqualTo(10);
      assertThat(completeAnswers.get()).isZero();
      assertThat(service.isAlive()).isTrue();
      assertThat(service.status("/actuator/health")).isEqualTo(200);
      String normal = api.start("small-answer", Map.of());
      var execution = api.awaitEnd(normal, Duration.ofSeconds(60));
      assertThat(execution.get("status")).isEqualTo("SUCCEEDED");
      assertThat(service.log()).doesNotContain("OutOfMemoryError");
      // Each huge answer was asked for once: no execution failed and was re-delivered.
      assertThat(endpoint.requests().stream().filter(r -> r.uri().getPath().equals("/huge")))
          .hasSize(10);
    }
  }

  private static String task(String url) {
    return """
        {"StartAt": "Call", "States": {"Call": {"Type": "Task", "Resource": "%s", "End": true}}}
        """
        .formatted(url);
  }

  /** Writes a JSON string of {@code size} bytes; false when the reader hung up first. */
  private static boolean streamJsonString(OutputStream out, long size) {
    byte[] chunk = new byte[64 * 1024];
    Arrays.fill(chunk, (byte) 'x');
    try (out) {
      out.write('"');
      for (long sent = 1; sent < size - 1; ) {
        int n = (int) Math.min(chunk.length, size - 1 - sent);
        out.write(chunk, 0, n);
        sent += n;
      }
      out.write('"');
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
