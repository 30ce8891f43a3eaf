package dev.stepwise.api;

import dev.stepwise.asl.Json;
import dev.stepwise.support.Api;
import dev.stepwise.support.StepwiseInstance;
import dev.stepwise.support.TestEndpoint;
import dev.stepwise.support.TestEndpoint.Answer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The REST API of docs/api.md against the real application and PostgreSQL, one instance and one
 * endpoint for its Tasks per test class. Definitions are written with single quotes for
 * readability.
 */
abstract class ApiIntegrationSupport {
  static final Duration END = Duration.ofSeconds(30);
  static final AtomicInteger COUNTER = new AtomicInteger();
  static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  static TestEndpoint endpoint;
  static StepwiseInstance stepwise;
  static Api api;

  @BeforeAll
  static void start() {
    endpoint = new TestEndpoint();
    endpoint.echo("/echo");
    endpoint.on("/fail", call -> new Answer(500, Map.of("error", "MyError", "cause", "why")));
    endpoint.on(
        "/slow",
        call -> {
          try {
            Thread.sleep(Duration.ofSeconds(5)); // the endpoint is slow, not the test
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return Answer.ok(Map.of("late", true));
        });
    stepwise = StepwiseInstance.start();
    api = stepwise.api();
  }

  @AfterAll
  static void stop() {
    if (stepwise != null) stepwise.close();
    if (endpoint != null) endpoint.close();
  }

  /** A name no other test (nor an earlier run on the same database) uses. */
  static String unique(String prefix) {
    return prefix + "-" + RUN + "-" + COUNTER.incrementAndGet();
  }

  static Object json(String singleQuoted) {
    return Json.parse(singleQuoted.replace('\'', '"'));
  }

  static final String PASS =
      "{'StartAt': 'A', 'States': {'A': {'Type': 'Pass', 'Result': 'done', 'End': true}}}";

  static String waitSeconds(int seconds) {
    return "{'StartAt': 'W', 'States': {'W': {'Type': 'Wait', 'Seconds': "
        + seconds
        + ", 'Next': 'P'},"
        + " 'P': {'Type': 'Pass', 'Result': 'waited', 'End': true}}}";
  }

  static String stateMachine(String definition) {
    String name = unique("sm");
    api.createStateMachine(name, definition.replace('\'', '"'));
    return name;
  }

  static Api.Response create(String name, Object definition) {
    return api.post("/v1/state-machines", Map.of("name", name, "definition", definition));
  }

  static Api.Response startExecution(String stateMachine, Map<String, Object> body) {
    return api.post("/v1/state-machines/" + stateMachine + "/executions", body);
  }

  static String problemType(Api.Response response) {
    return response.header("Content-Type");
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Object value) {
    return (List<Map<String, Object>>) value;
  }

  static List<Object> types(String executionId) {
    return api.history(executionId).stream().map(e -> e.get("type")).toList();
  }
}
