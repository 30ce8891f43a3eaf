package dev.stepwise.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.ErrorNames;
import dev.stepwise.asl.Json;
import dev.stepwise.engine.TaskOutcome.Failed;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The arn:aws:states:::http:invoke resource: method, query, headers and body from its parameters,
 * and the answer in AWS shape.
 */
class HttpTaskDispatcherHttpInvokeTests extends HttpTaskDispatcherSupport {
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
            result(call(RESOURCE, parameters("{\"ApiEndpoint\": \"/ping\", \"Method\": \"GET\"}")));

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
