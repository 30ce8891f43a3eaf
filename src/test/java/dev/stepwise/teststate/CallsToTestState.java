package dev.stepwise.teststate;

import dev.stepwise.asl.Json;
import dev.stepwise.support.Api;
import dev.stepwise.support.StepwiseInstance;
import dev.stepwise.support.TestEndpoint;
import dev.stepwise.support.TestEndpoint.Answer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@code POST /v1/test-state} against the real application: Task states call a real HTTP endpoint
 * (or take a mock), and nothing is stored. Definitions are written with single quotes. What its
 * tests share: one instance and one endpoint per test class, and the call itself.
 */
abstract class CallsToTestState {
  static TestEndpoint endpoint;
  static StepwiseInstance stepwise;
  static Api api;

  @BeforeAll
  static void start() {
    endpoint = new TestEndpoint();
    endpoint.on("/price", call -> Answer.ok(Map.of("price", 250, "currency", "EUR")));
    endpoint.on("/broken", call -> new Answer(500, Map.of("error", "Overloaded", "cause", "busy")));
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
    endpoint.echo("/secret");
    stepwise =
        StepwiseInstance.start(
            Map.of(
                "stepwise.tasks.routes[0].resource", "arn:aws:lambda:*:*:function:Secret",
                "stepwise.tasks.routes[0].url", endpoint.url("/secret"),
                "stepwise.tasks.routes[0].headers[Authorization]", "Bearer s3cret"));
    api = stepwise.api();
  }

  @AfterAll
  static void stop() {
    if (stepwise != null) stepwise.close();
    if (endpoint != null) endpoint.close();
  }

  static Object json(String singleQuoted) {
    return Json.parse(singleQuoted.replace('\'', '"'));
  }

  static Api.Response test(String singleQuotedBody) {
    return api.post("/v1/test-state", json(singleQuotedBody));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> inspection(Api.Response response) {
    return (Map<String, Object>) response.json().get("inspectionData");
  }
}
