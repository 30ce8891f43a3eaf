package dev.stepwise.task;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.ErrorNames;
import dev.stepwise.engine.TaskOutcome.Failed;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * How a failed call fails the task: error answers, refused or broken connections, timeouts, and a
 * resource no route serves.
 */
class HttpTaskDispatcherErrorTests extends HttpTaskDispatcherSupport {
  @Test
  void anErrorObjectNamesTheError() {
    server.answer(
        500, "application/json", "{\"error\":\"CardDeclined\",\"cause\":\"insufficient funds\"}");

    var failure = failed(call(server.url("/"), Map.of()));

    assertThat(failure).isEqualTo(new Failed("CardDeclined", "insufficient funds"));
  }

  @Test
  void lambdaStyleErrorTypeAndMessageNameTheErrorToo() {
    server.answer(
        400,
        "application/json",
        "{\"errorType\":\"ValidationError\",\"errorMessage\":\"no card\"}");

    var failure = failed(call(server.url("/"), Map.of()));

    assertThat(failure).isEqualTo(new Failed("ValidationError", "no card"));
  }

  @Test
  void anErrorObjectWithoutACauseIsAStatusCodeError() {
    server.answer(422, "application/json", "{\"error\":\"bad input\"}");

    var failure = failed(call(server.url("/"), Map.of()));

    assertThat(failure.error()).isEqualTo("States.Http.StatusCode.422");
  }

  @Test
  void aPlainServerErrorIsAStatusCodeErrorWithTheBodyInTheCause() {
    server.answer(500, "text/plain", "database is down");

    var failure = failed(call(server.url("/pay"), Map.of()));

    assertThat(failure.error()).isEqualTo("States.Http.StatusCode.500");
    assertThat(failure.cause())
        .contains("500 Internal Server Error")
        .contains("/pay")
        .contains("database is down");
  }

  @Test
  void notFoundIsAStatusCodeError() {
    server.answer(404, null, "");

    var failure = failed(call(server.url("/missing"), Map.of()));

    assertThat(failure.error()).isEqualTo("States.Http.StatusCode.404");
    assertThat(failure.cause()).contains("404 Not Found").contains("/missing");
  }

  @Test
  void aLongBodyIsTruncatedInTheCause() {
    server.answer(503, "text/plain", "x".repeat(50_000));

    var failure = failed(call(server.url("/"), Map.of()));

    assertThat(failure.error()).isEqualTo("States.Http.StatusCode.503");
    assertThat(failure.cause()).hasSizeLessThan(2_000).endsWith("(truncated)");
  }

  @Test
  void aRefusedConnectionIsASocketError() throws IOException {
    int closedPort;
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    var failure = failed(call("http://127.0.0.1:" + closedPort + "/", Map.of()));

    assertThat(failure.error()).isEqualTo(ErrorNames.HTTP_SOCKET);
    assertThat(failure.cause()).contains("127.0.0.1:" + closedPort);
  }

  @Test
  void aConnectionClosedWithoutAnAnswerIsASocketError() throws Exception {
    try (var raw = rawServer(socket -> {})) {
      var failure = failed(call(raw.url(), Map.of()));

      assertThat(failure.error()).isEqualTo(ErrorNames.HTTP_SOCKET);
    }
  }

  @Test
  void anAnswerThatIsNotHttpIsASocketError() throws Exception {
    try (var raw = rawServer(out -> write(out, "HELLO THERE\r\n\r\n"))) {
      var failure = failed(call(raw.url(), Map.of()));

      assertThat(failure.error()).isEqualTo(ErrorNames.HTTP_SOCKET);
    }
  }

  @Test
  void noAnswerWithinTheTimeoutIsATimeout() {
    server.respondWith(exchange -> awaitRelease());
    long start = System.nanoTime();

    var failure = failed(call(server.url("/slow"), Map.of(), Duration.ofMillis(200)));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    assertThat(failure.error()).isEqualTo(ErrorNames.TIMEOUT);
    assertThat(failure.cause()).contains("/slow").contains("PT0.2S");
  }

  @Test
  void aBodyThatStopsHalfWayTimesOutToo() {
    server.respondWith(
        exchange -> {
          exchange.sendResponseHeaders(200, 100);
          exchange.getResponseBody().write("{\"partial\":".getBytes(UTF_8));
          exchange.getResponseBody().flush();
          awaitRelease();
        });
    long start = System.nanoTime();

    var failure = failed(call(server.url("/"), Map.of(), Duration.ofMillis(200)));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    assertThat(failure.error()).isEqualTo(ErrorNames.TIMEOUT);
  }

  @Test
  void anUnroutableResourceIsARuntimeError() {
    var failure = failed(call("arn:aws:lambda:us-east-1:1:function:Nowhere", Map.of()));

    assertThat(failure.error()).isEqualTo(ErrorNames.RUNTIME);
    assertThat(failure.cause()).contains("No route for resource").contains("function:Nowhere");
  }

  /** A TCP server that reads the request head, lets {@code answer} write, and hangs up. */
  private static RawServer rawServer(Consumer<OutputStream> answer) throws IOException {
    return new RawServer(answer);
  }

  private static final class RawServer implements AutoCloseable {
    private final ServerSocket socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    private final Thread thread;

    RawServer(Consumer<OutputStream> answer) throws IOException {
      thread =
          Thread.ofVirtual()
              .start(
                  () -> {
                    while (!socket.isClosed()) {
                      try (Socket client = socket.accept()) {
                        readHead(client);
                        answer.accept(client.getOutputStream());
                      } catch (IOException e) {
                        return;
                      }
                    }
                  });
    }

    private static void readHead(Socket client) throws IOException {
      var in = client.getInputStream();
      int matched = 0;
      byte[] end = "\r\n\r\n".getBytes(UTF_8);
      for (int b = in.read(); b >= 0 && matched < end.length; b = in.read()) {
        matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
        if (matched == end.length) return;
      }
    }

    String url() {
      return "http://127.0.0.1:" + socket.getLocalPort() + "/";
    }

    @Override
    public void close() throws Exception {
      socket.close();
      thread.join(1000);
    }
  }
}
