package dev.stepwise.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import dev.stepwise.asl.ErrorNames;
import dev.stepwise.asl.Json;
import dev.stepwise.engine.TaskOutcome;
import dev.stepwise.engine.TaskOutcome.Failed;
import dev.stepwise.engine.TaskOutcome.Succeeded;
import dev.stepwise.engine.TaskRequest;
import dev.stepwise.task.HttpTaskDispatcher.CallContext;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Answers are read up to the payload limit and not a byte further: the connection is dropped and a
 * successful answer fails with {@code States.DataLimitExceeded}.
 */
class AnswerSizeLimitTests {
  private static final int LIMIT = 64 * 1024;
  private static final int FIVE_MB = 5 * 1024 * 1024;
  private static final CallContext CONTEXT = new CallContext("exec-1", "exec-1/Big/1");
  private static final String HTTP_INVOKE = "arn:aws:states:::http:invoke";

  private TestServer server;
  private HttpTaskDispatcher dispatcher;

  /** What the endpoint managed to write, or the failure that stopped it. */
  private final CompletableFuture<Long> written = new CompletableFuture<>();

  @BeforeEach
  void start() throws IOException {
    server = new TestServer();
    var properties = new TaskProperties(List.of(), null, Duration.ofSeconds(2));
    dispatcher = new HttpTaskDispatcher(new TaskRoutes(properties), properties, LIMIT);
  }

  @AfterEach
  void stop() {
    dispatcher.close();
    server.close();
  }

  private TaskOutcome call(String resource, Object payload) {
    return dispatcher.call(
        new TaskRequest("Big", resource, payload, 1, Duration.ofSeconds(30)), CONTEXT);
  }

  /** Streams a JSON string of {@code size} bytes, with or without a Content-Length. */
  private void streamJson(int status, long size, boolean declareLength) {
    server.respondWith(
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, declareLength ? size : 0);
          writeJsonString(exchange, size);
        });
  }

  private void writeJsonString(HttpExchange exchange, long size) {
    long sent = 0;
    byte[] chunk = new byte[16 * 1024];
    Arrays.fill(chunk, (byte) 'x');
    try (OutputStream out = exchange.getResponseBody()) {
      out.write('"');
      sent++;
      while (sent < size - 1) {
        int n = (int) Math.min(chunk.length, size - 1 - sent);
        out.write(chunk, 0, n);
        out.flush();
        sent += n;
      }
      out.write('"');
      sent++;
      written.complete(sent);
    } catch (IOException e) {
      written.completeExceptionally(e);
    } finally {
      exchange.close();
    }
  }

  private static Failed failed(TaskOutcome outcome) {
    assertThat(outcome).isInstanceOf(Failed.class);
    return (Failed) outcome;
  }

  /** The endpoint could not write its whole answer: the client closed the connection early. */
  private void assertConnectionDroppedEarly() throws Exception {
    assertThat(written)
        .failsWithin(10, TimeUnit.SECONDS)
        .withThrowableThat()
        .havingRootCause()
        .isInstanceOf(IOException.class);
  }

  @Test
  void aChunkedAnswerOverTheLimitFailsWithDataLimitExceededAndDropsTheConnection()
      throws Exception {
    streamJson(200, FIVE_MB, false);

    var failure = failed(call(server.url("/big"), Map.of()));

    assertThat(failure.error()).isEqualTo(ErrorNames.DATA_LIMIT_EXCEEDED);
    assertThat(failure.cause()).contains("payload limit of " + LIMIT + " bytes").contains("/big");
    assertConnectionDroppedEarly();
  }

  @Test
  void anAnswerDeclaringALengthOverTheLimitIsRefusedAtOnce() throws Exception {
    streamJson(200, FIVE_MB, true);

    var failure = failed(call(server.url("/big"), Map.of()));

    assertThat(failure.error()).isEqualTo(ErrorNames.DATA_LIMIT_EXCEEDED);
    assertConnectionDroppedEarly();
  }

  @Test
  void anAnswerJustUnderTheLimitIsTheResult() {
    streamJson(200, LIMIT, false);

    var outcome = call(server.url("/fits"), Map.of());

    assertThat(outcome).isInstanceOf(Succeeded.class);
    assertThat(((Succeeded) outcome).result()).asString().hasSize(LIMIT - 2);
  }

  @Test
  void anErrorAnswerOverTheLimitKeepsItsStatusCodeErrorWithAShortCause() throws Exception {
    streamJson(503, FIVE_MB, false);

    var failure = failed(call(server.url("/down"), Map.of()));

    assertThat(failure.error()).isEqualTo("States.Http.StatusCode.503");
    assertThat(failure.cause()).hasSizeLessThan(2_000).contains("answer cut at " + LIMIT);
    assertConnectionDroppedEarly();
  }

  @Test
  void anHttpInvokeAnswerOverTheLimitFailsWithDataLimitExceeded() throws Exception {
    streamJson(200, FIVE_MB, false);

    var failure =
        failed(call(HTTP_INVOKE, Map.of("ApiEndpoint", server.url("/big"), "Method", "GET")));

    assertThat(failure.error()).isEqualTo(ErrorNames.DATA_LIMIT_EXCEEDED);
    assertConnectionDroppedEarly();
  }

  @Test
  void anHttpInvokeErrorAnswerOverTheLimitHasItsCutBodyInTheCause() throws Exception {
    streamJson(500, FIVE_MB, true);

    var failure =
        failed(call(HTTP_INVOKE, Map.of("ApiEndpoint", server.url("/err"), "Method", "GET")));

    assertThat(failure.error()).isEqualTo("States.Http.StatusCode.500");
    @SuppressWarnings("unchecked")
    var cause = (Map<String, Object>) Json.parse(failure.cause());
    assertThat(cause.get("StatusCode")).isEqualTo(500);
    assertThat(failure.cause()).hasSizeLessThan(HttpInvokeAnswers.CAUSE_LIMIT + 1_000);
    assertConnectionDroppedEarly();
  }
}
