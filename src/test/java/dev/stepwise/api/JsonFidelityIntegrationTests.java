package dev.stepwise.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.support.Api;
import dev.stepwise.support.StepwiseInstance;
import dev.stepwise.support.TestEndpoint;
import dev.stepwise.support.TestEndpoint.Answer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Any JSON a client sends or an endpoint answers comes back as it was (strings with NUL, numbers),
 * and anything that cannot be taken is a 400 problem detail, or a States.Runtime failure inside a
 * step: never a 500, a stuck execution, or a message naming an internal class.
 */
class JsonFidelityIntegrationTests {
  private static final Duration END = Duration.ofSeconds(20);
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final String NUL = "\u0000";

  static TestEndpoint endpoint;
  static StepwiseInstance stepwise;
  static Api api;

  @BeforeAll
  static void start() {
    endpoint = new TestEndpoint();
    endpoint.on(
        "/nul-error",
        call -> new Answer(500, Map.of("error", "Bad" + NUL + "Err", "cause", "x" + NUL + "y")));
    endpoint.on("/approve", call -> Answer.ok(Map.of("queued", true)));
    stepwise = StepwiseInstance.start();
    api = stepwise.api();
  }

  @AfterAll
  static void stop() {
    stepwise.close();
    endpoint.close();
  }

  private static String machine(String definition) {
    String name = "fidelity-" + COUNTER.incrementAndGet();
    api.createStateMachine(name, definition);
    return name;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> event(String executionId, String type) {
    return (Map<String, Object>)
        api.history(executionId).stream()
            .filter(e -> type.equals(e.get("type")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no " + type + " in " + executionId))
            .get("details");
  }

  private static void assertPlainProblem(Api.Response response, int status) {
    assertThat(response.status()).as("%s", response.body()).isEqualTo(status);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    String detail = String.valueOf(response.json().get("detail"));
    assertThat(detail)
        .doesNotContain("java.")
        .doesNotContain("tools.jackson")
        .doesNotContain("dev.stepwise")
        .doesNotContain("Exception")
        .doesNotContain("Constraints");
  }

  private static void assertPlainCause(Object cause) {
    assertThat((String) cause)
        .doesNotContain("java.")
        .doesNotContain("tools.jackson")
        .doesNotContain("Exception")
        .doesNotContain("Constraints");
  }

  // --- NUL characters ---------------------------------------------------------------------

  @Test
  void anEndpointsErrorAndCauseWithNulRoundTrip() {
    String name =
        machine(
            """
            {"StartAt": "Call", "States": {
              "Call": {"Type": "Task", "Resource": "%s", "End": true}}}
            """
                .formatted(endpoint.url("/nul-error")));

    String id = api.start(name, Map.of());
    var ended = api.awaitEnd(id, END);

    assertThat(ended).containsEntry("status", "FAILED");
    assertThat(ended)
        .containsEntry("error", "Bad" + NUL + "Err")
        .containsEntry("cause", "x" + NUL + "y");
    assertThat(event(id, "TaskFailed")).containsEntry("error", "Bad" + NUL + "Err");
    assertThat(event(id, "ExecutionFailed"))
        .containsEntry("error", "Bad" + NUL + "Err")
        .containsEntry("cause", "x" + NUL + "y");
    var listed = api.get("/v1/executions?stateMachine=" + name).json();
    assertThat((List<?>) listed.get("items"))
        .singleElement()
        .satisfies(
            item -> assertThat(((Map<?, ?>) item).get("error")).isEqualTo("Bad" + NUL + "Err"));
  }

  @Test
  void aDescriptionWithNulRoundTrips() {
    String name = "fidelity-described-" + COUNTER.incrementAndGet();
    String pass = "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}";
    var created =
        api.post(
            "/v1/state-machines",
            Map.of("name", name, "definition", pass, "description", "first" + NUL + "one"));
    assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
    assertThat(created.json()).containsEntry("description", "first" + NUL + "one");
    assertThat(api.get("/v1/state-machines/" + name).json())
        .containsEntry("description", "first" + NUL + "one");

    var updated =
        api.put(
            "/v1/state-machines/" + name,
            Map.of("definition", pass.replace("\"P\"", "\"Q\""), "description", "second" + NUL));
    assertThat(updated.status()).as("%s", updated.body()).isEqualTo(200);

    assertThat(api.get("/v1/state-machines/" + name).json())
        .containsEntry("description", "second" + NUL);
    assertThat(api.get("/v1/state-machines/" + name + "/revisions/1").json())
        .containsEntry("description", "first" + NUL + "one");
  }

  @Test
  void aStopsErrorAndCauseWithNulRoundTrip() {
    String name =
        machine(
            "{\"StartAt\": \"W\", \"States\": {\"W\": {\"Type\": \"Wait\", \"Seconds\": 60, \"End\": true}}}");
    String id = api.start(name, Map.of());

    var stopped =
        api.post(
            "/v1/executions/" + id + "/stop", Map.of("error", "Halt" + NUL, "cause", NUL + "why"));

    assertThat(stopped.status()).as("%s", stopped.body()).isEqualTo(200);
    assertThat(api.execution(id))
        .containsEntry("status", "ABORTED")
        .containsEntry("error", "Halt" + NUL)
        .containsEntry("cause", NUL + "why");
    assertThat(event(id, "ExecutionAborted"))
        .containsEntry("error", "Halt" + NUL)
        .containsEntry("cause", NUL + "why");
  }

  @Test
  void aTaskTokenFailureWithNulRoundTrips() {
    String name =
        machine(
            """
            {"StartAt": "Approve", "States": {
              "Approve": {"Type": "Task", "Resource": "%s.waitForTaskToken",
                "Parameters": {"token.$": "$$.Task.Token"}, "End": true}}}
            """
                .formatted(endpoint.url("/approve")));
    String id = api.start(name, Map.of());
    String token = awaitToken(id);

    var failed =
        api.post(
            "/v1/task-tokens/failure",
            Map.of("taskToken", token, "error", "Re" + NUL + "jected", "cause", "no" + NUL));

    assertThat(failed.status()).as("%s", failed.body()).isEqualTo(200);
    var ended = api.awaitEnd(id, END);
    assertThat(ended)
        .containsEntry("status", "FAILED")
        .containsEntry("error", "Re" + NUL + "jected")
        .containsEntry("cause", "no" + NUL);
    assertThat(event(id, "TaskFailed")).containsEntry("error", "Re" + NUL + "jected");
  }

  @SuppressWarnings("unchecked")
  private static String awaitToken(String executionId) {
    Instant deadline = Instant.now().plus(END);
    while (Instant.now().isBefore(deadline)) {
      var call =
          endpoint.calls("/approve").stream()
              .filter(c -> executionId.equals(c.header("Stepwise-Execution-Id")))
              .findFirst();
      if (call.isPresent()) return (String) ((Map<String, Object>) call.get().body()).get("token");
      pause(Duration.ofMillis(50));
    }
    throw new AssertionError("no task token for " + executionId);
  }

  @Test
  void aFailStatesErrorAndCauseWithNulRoundTrip() {
    String name =
        machine(
            "{\"StartAt\": \"F\", \"States\": {\"F\": {\"Type\": \"Fail\", \"Error\": \"E\\u0000rr\","
                + " \"Cause\": \"C\\u0000\"}}}");

    for (int i = 0; i < 2; i++) {
      var started =
          api.post("/v1/state-machines/" + name + "/executions", Map.of("input", Map.of()));
      assertThat(started.status()).as("%s", started.body()).isEqualTo(201);
      String id = (String) started.json().get("executionId");
      assertThat(api.awaitEnd(id, END))
          .containsEntry("status", "FAILED")
          .containsEntry("error", "E" + NUL + "rr")
          .containsEntry("cause", "C" + NUL);
      assertThat(event(id, "FailStateEntered")).isNotNull();
    }
  }

  @Test
  void inputAndOutputStringsWithNulRoundTrip() {
    String name =
        machine(
            """
            {"StartAt": "P", "States": {
              "P": {"Type": "Pass", "Parameters": {"copy.$": "$.s", "k\\u0000ey": "v\\u0000"}, "End": true}}}
            """);
    var input = Map.of("s", "a" + NUL + "b");

    String id = api.start(name, input);
    var ended = api.awaitEnd(id, END);

    assertThat(ended).containsEntry("status", "SUCCEEDED").containsEntry("input", input);
    assertThat(ended.get("output"))
        .isEqualTo(Map.of("copy", "a" + NUL + "b", "k" + NUL + "ey", "v" + NUL));
    assertThat(event(id, "ExecutionStarted")).containsEntry("input", input);
  }

  // --- types --------------------------------------------------------------------------------

  @Test
  void aFieldOfTheWrongTypeIsRefusedNotConverted() {
    String name =
        machine(
            "{\"StartAt\": \"W\", \"States\": {\"W\": {\"Type\": \"Wait\", \"Seconds\": 60, \"End\": true}}}");
    String pass = "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}";

    var numericName =
        api.postRaw("/v1/state-machines", "{\"name\": 123, \"definition\": " + pass + "}");
    var booleanDescription =
        api.postRaw(
            "/v1/state-machines",
            "{\"name\": \"typed-x\", \"definition\": " + pass + ", \"description\": true}");
    var numericExecutionName =
        api.postRaw("/v1/state-machines/" + name + "/executions", "{\"name\": 123, \"input\": {}}");
    String id = api.start(name, Map.of());
    var numericStopError = api.postRaw("/v1/executions/" + id + "/stop", "{\"error\": 5}");
    var numericToken = api.postRaw("/v1/task-tokens/heartbeat", "{\"taskToken\": 42}");

    for (var response :
        List.of(
            numericName,
            booleanDescription,
            numericExecutionName,
            numericStopError,
            numericToken)) {
      assertPlainProblem(response, 400);
    }
    assertThat((String) numericName.json().get("detail")).contains("'name'").contains("string");
    assertThat(api.get("/v1/state-machines/123").status()).isEqualTo(404);
    assertThat(api.execution(id)).containsEntry("status", "RUNNING");
  }

  // --- numbers ------------------------------------------------------------------------------

  @Test
  void numbersADoubleCannotHoldAreRefusedSayingWhy() {
    String name =
        machine("{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}");

    for (String number : List.of("1e400", "-1e400", "1e-400", "-2.5E-999")) {
      var response =
          api.postRaw(
              "/v1/state-machines/" + name + "/executions", "{\"input\": {\"n\": " + number + "}}");
      assertPlainProblem(response, 400);
      assertThat((String) response.json().get("detail"))
          .as(number)
          .contains(number)
          .contains("range");
    }
    var tooPrecise =
        api.postRaw(
            "/v1/state-machines/" + name + "/executions",
            "{\"input\": {\"n\": 0.12345678901234567890}}");
    assertPlainProblem(tooPrecise, 400);
    assertThat((String) tooPrecise.json().get("detail"))
        .contains("0.12345678901234567890")
        .contains("significant digits");
    var definition =
        api.postRaw(
            "/v1/definitions/validate",
            "{\"definition\": {\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"Result\": 1e400, \"End\": true}}}}");
    assertPlainProblem(definition, 400);
    var definitionText =
        api.post(
            "/v1/definitions/validate",
            Map.of(
                "definition",
                "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"Result\": 1e-400, \"End\": true}}}"));
    assertPlainProblem(definitionText, 400);
    assertThat((String) definitionText.json().get("detail")).contains("1e-400").contains("range");
    assertThat(api.get("/v1/executions?stateMachine=" + name).json().get("items"))
        .isEqualTo(List.of());
  }

  @Test
  void numbersThatRoundTripPrintExactlyAsBefore() throws Exception {
    String name =
        machine("{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}");
    String numbers =
        "{\"a\":1,\"b\":1.5,\"c\":1.0E10,\"d\":12345678901234567890,\"e\":-0.0,\"f\":1.0E-300,"
            + "\"g\":0,\"h\":-7,\"i\":0.1,\"j\":123456789012,\"k\":4.9E-324,\"l\":1.7976931348623157E308}";

    var started =
        api.postRaw("/v1/state-machines/" + name + "/executions", "{\"input\": " + numbers + "}");
    assertThat(started.status()).isEqualTo(201);
    String id = (String) started.json().get("executionId");
    api.awaitEnd(id, END);

    String text = raw("/v1/executions/" + id);
    assertThat(text).contains("\"input\":" + numbers).contains("\"output\":" + numbers);
  }

  private static String raw(String path) throws Exception {
    try (var client = HttpClient.newHttpClient()) {
      return client
          .send(
              HttpRequest.newBuilder(URI.create(api.base() + path)).build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    }
  }

  // --- nesting depth ------------------------------------------------------------------------

  private static String nested(int levels) {
    return "{\"a\":".repeat(levels) + "1" + "}".repeat(levels);
  }

  @Test
  void inputNestedBeyondTheLimitIsRefused() {
    String name =
        machine("{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}");

    var response =
        api.postRaw(
            "/v1/state-machines/" + name + "/executions", "{\"input\": " + nested(600) + "}");

    assertPlainProblem(response, 400);
    assertThat((String) response.json().get("detail")).contains("nested");
  }

  /** A Pass whose Parameters put the input 10 levels deeper. */
  private static final String DEEPEN =
      "\"Deepen\": {\"Type\": \"Pass\", \"Parameters\": "
          + "{\"a\": ".repeat(9)
          + "{\"a.$\": \"$\"}"
          + "}".repeat(9)
          + ", \"End\": true}";

  @Test
  void outputPushedBeyondTheDepthLimitInTheFirstStepFailsWithStatesRuntime() {
    String name = machine("{\"StartAt\": \"Deepen\", \"States\": {" + DEEPEN + "}}");

    var started =
        api.postRaw(
            "/v1/state-machines/" + name + "/executions", "{\"input\": " + nested(495) + "}");

    assertThat(started.status()).as("%s", started.body()).isEqualTo(201);
    var ended = api.awaitEnd((String) started.json().get("executionId"), END);
    assertThat(ended).containsEntry("status", "FAILED").containsEntry("error", "States.Runtime");
    assertThat((String) ended.get("cause")).contains("nested");
    assertPlainCause(ended.get("cause"));
  }

  @Test
  void outputPushedBeyondTheDepthLimitAfterAWaitFailsWithStatesRuntime() {
    String name =
        machine(
            "{\"StartAt\": \"W\", \"States\": {\"W\": {\"Type\": \"Wait\", \"Seconds\": 1, \"Next\": \"Deepen\"}, "
                + DEEPEN
                + "}}");

    var started =
        api.postRaw(
            "/v1/state-machines/" + name + "/executions", "{\"input\": " + nested(495) + "}");

    assertThat(started.status()).as("%s", started.body()).isEqualTo(201);
    var ended = api.awaitEnd((String) started.json().get("executionId"), END);
    assertThat(ended).containsEntry("status", "FAILED").containsEntry("error", "States.Runtime");
    assertThat((String) ended.get("cause")).contains("nested");
    assertPlainCause(ended.get("cause"));
  }

  // --- the safety net -----------------------------------------------------------------------

  @Test
  void aStepTheDatabaseRefusesFailsTheExecutionInsteadOfRetryingForever() {
    var jdbc = stepwise.bean(JdbcClient.class);
    String marker = "refused-" + UUID.randomUUID();
    // Stands in for any value PostgreSQL will not store: a check the step's history breaks.
    jdbc.sql(
            "alter table history_event add constraint fidelity_refuses check"
                + " (position('"
                + marker
                + "' in details) = 0) not valid")
        .update();
    try {
      String name =
          machine(
              """
              {"StartAt": "W", "States": {
                "W": {"Type": "Wait", "Seconds": 1, "Next": "P"},
                "P": {"Type": "Pass", "Result": "%s", "End": true}}}
              """
                  .formatted(marker));
      String id = api.start(name, Map.of());

      var ended = api.awaitEnd(id, END);

      assertThat(ended).containsEntry("status", "FAILED").containsEntry("error", "States.Runtime");
      assertPlainCause(ended.get("cause"));
      assertThat(event(id, "ExecutionFailed")).containsEntry("error", "States.Runtime");
    } finally {
      jdbc.sql("alter table history_event drop constraint fidelity_refuses").update();
    }
  }

  // --- every error a problem detail ---------------------------------------------------------

  @Test
  void everyErrorIsAPlainProblemDetail() throws Exception {
    try (var client = HttpClient.newHttpClient()) {
      var errorPage =
          client.send(
              HttpRequest.newBuilder(URI.create(api.base() + "/error")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(errorPage.statusCode()).isBetween(400, 499);
      assertThat(errorPage.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
    }
    var wrongMethod = api.delete("/v1/executions");
    assertPlainProblem(wrongMethod, 405);
    var badParameter =
        api.post("/v1/state-machines/x/executions?waitSeconds=abc", new LinkedHashMap<>());
    assertPlainProblem(badParameter, 400);
    var noBody = api.postRaw("/v1/task-tokens/failure", "");
    assertPlainProblem(noBody, 400);
    var notAnObject = api.postRaw("/v1/task-tokens/failure", "[1]");
    assertPlainProblem(notAnObject, 400);
    var malformed = api.postRaw("/v1/task-tokens/failure", "{\"taskToken\": ");
    assertPlainProblem(malformed, 400);
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
