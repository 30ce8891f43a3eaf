package dev.stepwise.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.Json;
import dev.stepwise.engine.TaskOutcome;
import dev.stepwise.engine.TaskOutcome.Failed;
import dev.stepwise.engine.TaskOutcome.Succeeded;
import dev.stepwise.engine.TaskRequest;
import dev.stepwise.task.HttpTaskDispatcher.CallContext;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code arn:aws:states:::lambda:invoke}: the function's ARN picks the route, the endpoint gets the
 * {@code Payload}, and the result and errors take AWS's shapes and names.
 */
class LambdaInvokeTests {
  private static final String LAMBDA = "arn:aws:states:::lambda:invoke";
  private static final CallContext CONTEXT = new CallContext("exec-1", "exec-1/3");

  private TestServer server;
  private HttpTaskDispatcher dispatcher;

  @BeforeEach
  void start() throws IOException {
    server = new TestServer();
    var routes =
        List.of(
            route("arn:aws:lambda:us-east-1:123456789012:function:Greet:prod", "/greet-prod"),
            route("arn:aws:lambda:*:*:function:Greet", "/greet"));
    var properties = new TaskProperties(routes, null, Duration.ofSeconds(2));
    dispatcher = new HttpTaskDispatcher(new TaskRoutes(properties), properties);
  }

  @AfterEach
  void stop() {
    dispatcher.close();
    server.close();
  }

  private TaskProperties.Route route(String resource, String path) {
    return new TaskProperties.Route(resource, server.url(path), Map.of(), null);
  }

  private TaskOutcome invoke(Map<String, Object> parameters) {
    return dispatcher.call(
        new TaskRequest("Greet", LAMBDA, parameters, 1, Duration.ofSeconds(5)), CONTEXT);
  }

  private static Map<String, Object> parameters(Object... keysAndValues) {
    var parameters = new LinkedHashMap<String, Object>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      parameters.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return parameters;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> result(TaskOutcome outcome) {
    assertThat(outcome).isInstanceOf(Succeeded.class);
    return (Map<String, Object>) ((Succeeded) outcome).result();
  }

  private static Failed failed(TaskOutcome outcome) {
    assertThat(outcome).isInstanceOf(Failed.class);
    return (Failed) outcome;
  }

  @Test
  void postsOnlyThePayloadAndAnswersInAwsShape() {
    server.answer(200, "application/json", "{\"greeting\":\"hello Ada\"}");

    var result =
        result(invoke(parameters("FunctionName", "Greet", "Payload", Map.of("name", "Ada"))));

    var request = server.request();
    assertThat(request.uri().getPath()).isEqualTo("/greet");
    assertThat(Json.parse(request.body())).isEqualTo(Map.of("name", "Ada"));
    assertThat(request.headers().getFirst("Idempotency-Key")).isEqualTo("exec-1/3");
    assertThat(result)
        .containsEntry("Payload", Map.of("greeting", "hello Ada"))
        .containsEntry("StatusCode", 200)
        .containsEntry("ExecutedVersion", "$LATEST")
        .containsOnlyKeys(
            "ExecutedVersion", "Payload", "SdkHttpMetadata", "SdkResponseMetadata", "StatusCode");
    @SuppressWarnings("unchecked")
    var http = (Map<String, Object>) result.get("SdkHttpMetadata");
    assertThat(http).containsEntry("HttpStatusCode", 200);
    @SuppressWarnings("unchecked")
    var headers = (Map<String, Object>) http.get("HttpHeaders");
    @SuppressWarnings("unchecked")
    var requestId = ((Map<String, Object>) result.get("SdkResponseMetadata")).get("RequestId");
    assertThat(requestId).asString().matches("[0-9a-f-]{36}");
    assertThat(headers)
        .containsEntry("x-amzn-RequestId", requestId)
        .containsEntry("X-Amz-Executed-Version", "$LATEST")
        .containsEntry("Content-Type", "application/json");
    assertThat(((Map<?, ?>) http.get("AllHttpHeaders")).get("x-amzn-RequestId"))
        .isEqualTo(List.of(requestId));
  }

  @Test
  void withoutPayloadTheFunctionGetsAnEmptyObject() {
    server.answer(200, "application/json", "null");

    var result = result(invoke(parameters("FunctionName", "Greet")));

    assertThat(server.request().body()).isEqualTo("{}");
    assertThat(result).containsEntry("Payload", null);
  }

  @Test
  void aQualifiedRouteWinsAndOtherQualifiersFallBackToTheFunctionsRoute() {
    server.answer(200, "application/json", "{}");

    invoke(parameters("FunctionName", "Greet:prod"));
    var version = result(invoke(parameters("FunctionName", "Greet", "Qualifier", "3")));

    assertThat(server.requests())
        .extracting(r -> r.uri().getPath())
        .containsExactly("/greet-prod", "/greet");
    assertThat(version).containsEntry("ExecutedVersion", "3");
  }

  @Test
  void aFunctionErrorFailsWithItsTypeAndTheErrorObjectAsCause() {
    String error = "{\"errorType\":\"CardDeclined\",\"errorMessage\":\"insufficient funds\"}";
    server.answer(500, "application/json", error);

    var failed = failed(invoke(parameters("FunctionName", "Greet")));

    assertThat(failed.error()).isEqualTo("CardDeclined");
    assertThat(Json.parse(failed.cause())).isEqualTo(Json.parse(error));
  }

  @Test
  void lambdasFunctionErrorHeaderMarksAnErrorEvenWith200() {
    server.respondWith(
        exchange -> {
          exchange.getResponseHeaders().set("X-Amz-Function-Error", "Unhandled");
          TestServer.send(
              exchange,
              200,
              "application/json",
              "{\"errorType\":\"Runtime.ExitError\",\"errorMessage\":\"exited\"}");
        });

    assertThat(failed(invoke(parameters("FunctionName", "Greet"))).error())
        .isEqualTo("Runtime.ExitError");
  }

  @Test
  void otherFailuresTakeTheNamesOfLambdasClient() {
    server.answer(503, "text/plain", "busy");
    assertThat(failed(invoke(parameters("FunctionName", "Greet"))).error())
        .isEqualTo("Lambda.ServiceException");

    server.answer(429, "application/json", "{\"message\":\"slow down\"}");
    assertThat(failed(invoke(parameters("FunctionName", "Greet"))).error())
        .isEqualTo("Lambda.TooManyRequestsException");

    server.answer(400, "text/plain", "bad");
    assertThat(failed(invoke(parameters("FunctionName", "Greet"))).error())
        .isEqualTo("Lambda.AWSLambdaException");

    server.close();
    assertThat(failed(invoke(parameters("FunctionName", "Greet"))).error())
        .isEqualTo("Lambda.SdkClientException");
  }

  @Test
  void aFunctionNoRouteServesFailsAsAnUnknownFunction() {
    var failed = failed(invoke(parameters("FunctionName", "Charge")));

    assertThat(failed.error()).isEqualTo("Lambda.ResourceNotFoundException");
    assertThat(failed.cause())
        .contains("arn:aws:lambda:us-east-1:123456789012:function:Charge")
        .contains("stepwise.tasks.routes");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void parametersThatNameNoFunctionFailTheState() {
    assertThat(failed(invoke(parameters("Payload", Map.of()))).cause())
        .contains("FunctionName must be a string");
    assertThat(failed(invoke(parameters("FunctionName", "a b"))).error())
        .isEqualTo("States.Runtime");
    assertThat(
            failed(invoke(parameters("FunctionName", "Greet", "InvocationType", "Later"))).cause())
        .contains("InvocationType");
  }

  @Test
  void eventInvocationsAnswer202AndDryRunsSendNothing() {
    server.answer(200, "application/json", "{\"ignored\":true}");

    var event = result(invoke(parameters("FunctionName", "Greet", "InvocationType", "Event")));
    assertThat(event).containsEntry("StatusCode", 202).containsEntry("Payload", "");
    assertThat(server.requests()).hasSize(1);

    var dryRun = result(invoke(parameters("FunctionName", "Greet", "InvocationType", "DryRun")));
    assertThat(dryRun).containsEntry("StatusCode", 204);
    assertThat(server.requests()).hasSize(1);
  }
}
