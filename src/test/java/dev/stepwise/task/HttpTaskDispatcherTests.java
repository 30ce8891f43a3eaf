package dev.stepwise.task;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.ErrorNames;
import dev.stepwise.asl.Json;
import dev.stepwise.engine.TaskOutcome;
import dev.stepwise.engine.TaskOutcome.Failed;
import dev.stepwise.engine.TaskOutcome.Succeeded;
import dev.stepwise.engine.TaskRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HttpTaskDispatcherTests {
  private static final CallContext CONTEXT = new CallContext("exec-42", "exec-42/Charge/7");
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private TestServer server;
  private HttpTaskDispatcher dispatcher;
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void start() throws IOException {
    server = new TestServer();
    dispatcher = dispatcher(List.of());
  }

  @AfterEach
  void stop() {
    release.countDown();
    dispatcher.close();
    server.close();
  }

  private static HttpTaskDispatcher dispatcher(List<TaskProperties.Route> routes) {
    var properties = new TaskProperties(routes, null, Duration.ofSeconds(2));
    return new HttpTaskDispatcher(new TaskRoutes(properties), properties);
  }

  private TaskOutcome call(String resource, Object payload) {
    return call(resource, payload, TIMEOUT);
  }

  private TaskOutcome call(String resource, Object payload, Duration timeout) {
    return dispatcher.call(new TaskRequest("Charge", resource, payload, 3, timeout), CONTEXT);
  }

  private static Failed failed(TaskOutcome outcome) {
    assertThat(outcome).isInstanceOf(Failed.class);
    return (Failed) outcome;
  }

  private static Object result(TaskOutcome outcome) {
    assertThat(outcome).isInstanceOf(Succeeded.class);
    return ((Succeeded) outcome).result();
  }

  @Nested
  class UrlResources {
    @Test
    void postsThePayloadAsJsonAndReturnsTheJsonAnswer() {
      server.answer(200, "application/json", "{\"charged\":true,\"amount\":12.5,\"ids\":[1,2]}");

      var outcome = call(server.url("/charge"), Json.parse("{\"amount\":12.5,\"card\":\"x\"}"));

      assertThat(result(outcome))
          .isEqualTo(Json.parse("{\"charged\":true,\"amount\":12.5,\"ids\":[1,2]}"));
      var request = server.request();
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.uri().getPath()).isEqualTo("/charge");
      assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/json");
      assertThat(Json.parse(request.body()))
          .isEqualTo(Json.parse("{\"amount\":12.5,\"card\":\"x\"}"));
    }

    @Test
    void sendsAScalarPayloadAsJson() {
      server.answer(200, "application/json", "\"done\"");

      assertThat(result(call(server.url("/"), "hello"))).isEqualTo("done");
      assertThat(server.request().body()).isEqualTo("\"hello\"");
    }

    @Test
    void anEmptyAnswerIsNull() {
      server.answer(200, null, "");
      assertThat(result(call(server.url("/"), Map.of()))).isNull();
    }

    @Test
    void noContentIsNull() {
      server.answer(204, null, "");
      assertThat(result(call(server.url("/"), Map.of()))).isNull();
    }

    @Test
    void sendsTheExecutionHeadersOnEveryCall() {
      server.answer(200, "application/json", "{}");

      call(server.url("/"), Map.of());

      var headers = server.request().headers();
      assertThat(headers.getFirst("Stepwise-Execution-Id")).isEqualTo("exec-42");
      assertThat(headers.getFirst("Stepwise-State-Name")).isEqualTo("Charge");
      assertThat(headers.getFirst("Stepwise-Attempt")).isEqualTo("3");
      assertThat(headers.getFirst("Idempotency-Key")).isEqualTo("exec-42/Charge/7");
    }

    @Test
    void aStateNameOutsideAsciiIsPercentEncoded() {
      server.answer(200, "application/json", "{}");

      dispatcher.call(
          new TaskRequest("Zahlung prüfen", server.url("/"), Map.of(), 1, TIMEOUT), CONTEXT);

      assertThat(server.request().headers().getFirst("Stepwise-State-Name"))
          .isEqualTo("Zahlung%20pr%C3%BCfen");
    }

    @Test
    void aTwoHundredAnswerThatIsNotJsonIsAMalformedAnswer() {
      server.answer(200, "text/html", "<html>oops</html>");

      var failure = failed(call(server.url("/"), Map.of()));

      assertThat(failure.error()).isEqualTo(ErrorNames.HTTP_SOCKET);
      assertThat(failure.cause()).contains("not JSON").contains("<html>oops</html>");
    }

    @Test
    void anAnswerWithANumberADoubleCannotHoldSaysWhy() {
      server.answer(200, "application/json", "{\"n\": 1e400}");

      var failure = failed(call(server.url("/"), Map.of()));

      assertThat(failure.error()).isEqualTo(ErrorNames.HTTP_SOCKET);
      assertThat(failure.cause()).contains("1e400 is out of range").doesNotContain("Exception");
    }
  }

  @Nested
  class Errors {
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
  }

  @Nested
  class RoutedResources {
    private static final String LAMBDA = "arn:aws:lambda:us-east-1:123:function:Charge";

    @Test
    void goesToTheRouteUrlWithItsHeaders() {
      dispatcher.close();
      dispatcher =
          dispatcher(
              List.of(
                  new TaskProperties.Route(
                      "arn:aws:lambda:*:*:function:Charge",
                      server.url("/invoke"),
                      Map.of("Authorization", "Bearer secret", "Stepwise-Attempt", "99"),
                      null)));
      server.answer(200, "application/json", "{\"ok\":1}");

      var outcome = call(LAMBDA, Map.of("a", 1));

      assertThat(result(outcome)).isEqualTo(Map.of("ok", 1));
      var request = server.request();
      assertThat(request.uri().getPath()).isEqualTo("/invoke");
      assertThat(request.headers().getFirst("Authorization")).isEqualTo("Bearer secret");
      assertThat(request.headers().get("Stepwise-Attempt"))
          .as("not overridable")
          .containsExactly("3");
      assertThat(Json.parse(request.body())).isEqualTo(Map.of("a", 1));
    }

    @Test
    void aWaitForTaskTokenResourceGoesToTheBaseResourceRoute() {
      dispatcher.close();
      dispatcher =
          dispatcher(List.of(new TaskProperties.Route(LAMBDA, server.url("/cb"), null, null)));
      server.answer(200, "application/json", "{}");

      call(LAMBDA + ".waitForTaskToken", Map.of());

      assertThat(server.request().uri().getPath()).isEqualTo("/cb");
    }

    @Test
    void aShorterRouteTimeoutCapsTheStateTimeout() {
      dispatcher.close();
      dispatcher =
          dispatcher(
              List.of(
                  new TaskProperties.Route(LAMBDA, server.url("/"), null, Duration.ofMillis(150))));
      server.respondWith(exchange -> awaitRelease());

      var failure = failed(call(LAMBDA, Map.of(), Duration.ofSeconds(30)));

      assertThat(failure.error()).isEqualTo(ErrorNames.TIMEOUT);
      assertThat(failure.cause()).contains("PT0.15S");
    }

    @Test
    void aLongerRouteTimeoutDoesNotExtendTheStateTimeout() {
      dispatcher.close();
      dispatcher =
          dispatcher(
              List.of(
                  new TaskProperties.Route(LAMBDA, server.url("/"), null, Duration.ofMinutes(5))));
      server.respondWith(exchange -> awaitRelease());

      var failure = failed(call(LAMBDA, Map.of(), Duration.ofMillis(150)));

      assertThat(failure.error()).isEqualTo(ErrorNames.TIMEOUT);
      assertThat(failure.cause()).contains("PT0.15S");
    }
  }

  @Nested
  class HttpInvoke {
    private static final String RESOURCE = "arn:aws:states:::http:invoke";

    private Map<String, Object> parameters(String json) {
      @SuppressWarnings("unchecked")
      var parameters = (Map<String, Object>) Json.parse(json);
      parameters.put("ApiEndpoint", server.url((String) parameters.get("ApiEndpoint")));
      return parameters;
    }

    @Test
    void callsWithMethodQueryParametersAndHeadersAndReturnsAwsShape() {
      server.answer(200, "application/json", "{\"id\":\"cus_1\"}");

      var outcome =
          call(
              RESOURCE,
              parameters(
                  """
                  {"ApiEndpoint": "/v1/customers", "Method": "GET",
                   "Headers": {"X-Api-Key": "k1", "X-Multi": ["a", "b"]},
                   "QueryParameters": {"email": "a b&c@x.io", "limit": 3, "tag": ["x", "y"]}}
                  """));

      var request = server.request();
      assertThat(request.method()).isEqualTo("GET");
      assertThat(request.uri().getPath()).isEqualTo("/v1/customers");
      assertThat(request.uri().getRawQuery()).isEqualTo("email=a+b%26c%40x.io&limit=3&tag=x&tag=y");
      assertThat(request.headers().getFirst("X-Api-Key")).isEqualTo("k1");
      assertThat(request.headers().get("X-Multi")).containsExactly("a", "b");
      assertThat(request.headers().getFirst("Stepwise-Execution-Id")).isEqualTo("exec-42");
      assertThat(request.headers().getFirst("Idempotency-Key")).isEqualTo("exec-42/Charge/7");
      assertThat(request.body()).isEmpty();

      @SuppressWarnings("unchecked")
      var result = (Map<String, Object>) result(outcome);
      assertThat(result).containsOnlyKeys("StatusCode", "StatusText", "Headers", "ResponseBody");
      assertThat(result.get("StatusCode")).isEqualTo(200);
      assertThat(result.get("StatusText")).isEqualTo("OK");
      assertThat(result.get("ResponseBody")).isEqualTo(Map.of("id", "cus_1"));
      @SuppressWarnings("unchecked")
      var headers = (Map<String, Object>) result.get("Headers");
      assertThat(headers)
          .anySatisfy(
              (name, values) -> {
                assertThat(name).isEqualToIgnoringCase("Content-Type");
                assertThat(values).isEqualTo(List.of("application/json"));
              });
      assertThat(Json.write(result)).as("plain JSON").contains("\"StatusCode\":200");
    }

    @Test
    void appendsQueryParametersToAnEndpointThatHasAQuery() {
      server.answer(200, null, "");

      call(
          RESOURCE,
          parameters(
              "{\"ApiEndpoint\": \"/s?a=1\", \"Method\": \"GET\", \"QueryParameters\": {\"b\":"
                  + " \"2\"}}"));

      assertThat(server.request().uri().getRawQuery()).isEqualTo("a=1&b=2");
    }

    @Test
    void sendsAJsonRequestBody() {
      server.answer(201, "application/json", "{\"created\":true}");

      var outcome =
          call(
              RESOURCE,
              parameters(
                  "{\"ApiEndpoint\": \"/items\", \"Method\": \"post\", \"RequestBody\": {\"name\":"
                      + " \"n\", \"n\": [1, 2]}}"));

      var request = server.request();
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/json");
      assertThat(Json.parse(request.body()))
          .isEqualTo(Json.parse("{\"name\": \"n\", \"n\": [1, 2]}"));
      @SuppressWarnings("unchecked")
      var result = (Map<String, Object>) result(outcome);
      assertThat(result.get("StatusCode")).isEqualTo(201);
      assertThat(result.get("StatusText")).isEqualTo("Created");
    }

    @Test
    void formEncodesAUrlEncodedBodyWithIndicesByDefault() {
      server.answer(200, null, "");

      call(
          RESOURCE,
          parameters(
              """
              {"ApiEndpoint": "/form", "Method": "POST",
               "RequestBody": {"name": "a b", "tags": ["x", "y"], "card": {"cvc": "1&2"}},
               "Transform": {"RequestBodyEncoding": "URL_ENCODED"}}
              """));

      var request = server.request();
      assertThat(request.headers().getFirst("Content-Type"))
          .isEqualTo("application/x-www-form-urlencoded");
      assertThat(request.body())
          .isEqualTo("name=a+b&tags%5B0%5D=x&tags%5B1%5D=y&card%5Bcvc%5D=1%262");
    }

    @Test
    void formEncodesArraysInTheChosenFormat() {
      server.answer(200, null, "");
      String template =
          """
          {"ApiEndpoint": "/form", "Method": "POST", "RequestBody": {"t": ["x", "y"]},
           "Transform": {"RequestBodyEncoding": "URL_ENCODED",
                         "RequestEncodingOptions": {"ArrayFormat": "%s"}}}
          """;

      for (String format : List.of("BRACKETS", "REPEAT", "COMMAS")) {
        call(RESOURCE, parameters(template.formatted(format)));
      }

      assertThat(serverBodies()).containsExactly("t%5B%5D=x&t%5B%5D=y", "t=x&t=y", "t=x%2Cy");
    }

    @Test
    void aTextAnswerIsAStringResponseBody() {
      server.answer(200, "text/plain", "pong");

      @SuppressWarnings("unchecked")
      var result =
          (Map<String, Object>)
              result(
                  call(RESOURCE, parameters("{\"ApiEndpoint\": \"/ping\", \"Method\": \"GET\"}")));

      assertThat(result.get("ResponseBody")).isEqualTo("pong");
    }

    @Test
    void aFailureStatusIsAStatusCodeErrorWithTheResponseAsCause() {
      server.answer(404, "application/json", "{\"message\":\"no such customer\"}");

      var failure =
          failed(
              call(
                  RESOURCE,
                  parameters("{\"ApiEndpoint\": \"/v1/customers/x\", \"Method\": \"GET\"}")));

      assertThat(failure.error()).isEqualTo("States.Http.StatusCode.404");
      @SuppressWarnings("unchecked")
      var cause = (Map<String, Object>) Json.parse(failure.cause());
      assertThat(cause.get("StatusCode")).isEqualTo(404);
      assertThat(cause.get("StatusText")).isEqualTo("Not Found");
      assertThat(cause.get("ResponseBody")).isEqualTo(Map.of("message", "no such customer"));
    }

    @Test
    void anErrorObjectDoesNotRenameTheErrorOfAnHttpTask() {
      server.answer(500, "application/json", "{\"error\":\"Mine\",\"cause\":\"c\"}");

      var failure =
          failed(call(RESOURCE, parameters("{\"ApiEndpoint\": \"/\", \"Method\": \"GET\"}")));

      assertThat(failure.error()).isEqualTo("States.Http.StatusCode.500");
    }

    @Test
    void missingOrBadParametersAreRuntimeErrors() {
      var noMethod = failed(call(RESOURCE, parameters("{\"ApiEndpoint\": \"/\"}")));
      var badEndpoint = failed(call(RESOURCE, Map.of("ApiEndpoint", "ftp://x", "Method", "GET")));
      var notAnObject = failed(call(RESOURCE, List.of()));

      assertThat(List.of(noMethod, badEndpoint, notAnObject))
          .extracting(Failed::error)
          .containsOnly(ErrorNames.RUNTIME);
      assertThat(noMethod.cause()).contains("Method");
      assertThat(badEndpoint.cause()).contains("ApiEndpoint");
      assertThat(server.requests()).isEmpty();
    }

    @Test
    void aRefusedConnectionIsASocketError() throws IOException {
      int closedPort;
      try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        closedPort = socket.getLocalPort();
      }

      var failure =
          failed(
              call(
                  RESOURCE,
                  Map.of("ApiEndpoint", "http://127.0.0.1:" + closedPort + "/", "Method", "GET")));

      assertThat(failure.error()).isEqualTo(ErrorNames.HTTP_SOCKET);
    }

    private List<String> serverBodies() {
      return server.requests().stream().map(TestServer.Received::body).toList();
    }
  }

  private void awaitRelease() {
    try {
      release.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void write(OutputStream out, String text) {
    try {
      out.write(text.getBytes(UTF_8));
      out.flush();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
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
