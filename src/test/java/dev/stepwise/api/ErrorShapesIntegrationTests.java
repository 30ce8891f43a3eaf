package dev.stepwise.api;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.support.StepwiseInstance;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every error of the native API, the web server's own included, is a problem detail that names no
 * internal class, SQL or stack trace. Requests are written by hand: most are ones no HTTP client
 * would send.
 */
class ErrorShapesIntegrationTests {
  static StepwiseInstance stepwise;
  static int port;

  @BeforeAll
  static void start() {
    stepwise = StepwiseInstance.start();
    port = URI.create(stepwise.api().base()).getPort();
  }

  @AfterAll
  static void stop() {
    if (stepwise != null) stepwise.close();
  }

  record Answer(int status, String head, String body) {}

  private static Answer send(String request) throws IOException {
    try (var socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(ISO_8859_1));
      socket.getOutputStream().flush();
      String text = readAll(socket.getInputStream());
      int split = text.indexOf("\r\n\r\n");
      String head = split < 0 ? text : text.substring(0, split);
      String body = split < 0 ? "" : text.substring(split + 4);
      int status = Integer.parseInt(head.substring(9, 12));
      return new Answer(status, head, body);
    }
  }

  private static String readAll(InputStream in) throws IOException {
    var out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) out.write(buffer, 0, n);
    } catch (java.net.SocketException | java.net.SocketTimeoutException e) {
      // the server closed the connection after answering
    }
    return out.toString(ISO_8859_1);
  }

  private static String get(String target, String extraHeaders) {
    return "GET "
        + target
        + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
        + extraHeaders
        + "\r\n";
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "unknown path, 404",
    "wrong method, 405",
    "unsupported media type, 415",
    "malformed percent-encoding, 400",
    "encoded NUL, 400",
    "over-long URL, 400",
    "header too large, 400",
    "malformed request line, 400",
    "malformed JSON, 400"
  })
  void isAProblemDetailNamingNoInternals(String kind, int status) throws IOException {
    String request =
        switch (kind) {
          case "unknown path" -> get("/v1/nowhere", "");
          case "wrong method" ->
              "DELETE /v1/state-machines HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
          case "unsupported media type" ->
              "POST /v1/state-machines HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                  + "Content-Type: text/plain\r\nContent-Length: 2\r\n\r\nhi";
          case "malformed percent-encoding" -> get("/v1/state-machines/%zz", "");
          case "encoded NUL" -> get("/v1/state-machines/a%00b", "");
          case "over-long URL" -> get("/v1/state-machines/" + "a".repeat(70_000), "");
          case "header too large" ->
              get("/v1/state-machines", "X-Big: " + "b".repeat(70_000) + "\r\n");
          case "malformed request line" -> "GET /v1/ state-machines HTTP/1.1\r\nHost: x\r\n\r\n";
          case "malformed JSON" ->
              "POST /v1/state-machines HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                  + "Content-Type: application/json\r\nContent-Length: 9\r\n\r\n{\"name\":}";
          default -> throw new IllegalArgumentException(kind);
        };

    var answer = send(request);

    assertThat(answer.status()).as(answer.head()).isEqualTo(status);
    assertThat(answer.head().toLowerCase(Locale.ROOT))
        .contains("content-type: application/problem+json");
    assertThat(answer.body()).contains("\"status\":" + status);
    assertThat(answer.body())
        .doesNotContainIgnoringCase("exception")
        .doesNotContain("org.apache")
        .doesNotContain("java.")
        .doesNotContain("springframework")
        .doesNotContain("Tomcat")
        .doesNotContain("\tat ")
        .doesNotContainIgnoringCase("select ");
    assertThat(answer.head()).doesNotContain("Tomcat");
  }
}
