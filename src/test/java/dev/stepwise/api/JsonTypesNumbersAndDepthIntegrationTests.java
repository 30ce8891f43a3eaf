package dev.stepwise.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What JSON cannot be taken (fields of the wrong type, numbers a double cannot hold, nesting beyond
 * the limit, a step the database refuses) is a plain 400 problem detail or a States.Runtime
 * failure; numbers that round-trip print as before.
 */
class JsonTypesNumbersAndDepthIntegrationTests extends JsonFidelitySupport {
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
}
