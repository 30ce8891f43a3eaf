package dev.stepwise.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.Json;
import dev.stepwise.support.Api;
import dev.stepwise.support.StepwiseInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Versions and aliases of state machines over the REST API, against the real application and
 * PostgreSQL: what their tests share (one instance per test class, state machines, versions and
 * aliases made through the API, and the refusals read back).
 */
abstract class VersionsAndAliasesSupport {
  static final Duration END = Duration.ofSeconds(30);
  static final AtomicInteger COUNTER = new AtomicInteger();
  static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  static StepwiseInstance stepwise;
  static Api api;

  @BeforeAll
  static void start() {
    stepwise = StepwiseInstance.start();
    api = stepwise.api();
  }

  @AfterAll
  static void stop() {
    if (stepwise != null) stepwise.close();
  }

  static String unique(String prefix) {
    return prefix + "-" + RUN + "-" + COUNTER.incrementAndGet();
  }

  /** A definition whose output is {@code result}, so an execution shows what it ran. */
  static Object passing(String result) {
    return Json.parse(
        "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"Result\": \""
            + result
            + "\", \"End\": true}}}");
  }

  static String stateMachine(String result) {
    String name = unique("sm");
    var created =
        api.post("/v1/state-machines", Map.of("name", name, "definition", passing(result)));
    assertThat(created.status()).isEqualTo(201);
    return name;
  }

  static Api.Response update(String name, String result) {
    return api.put("/v1/state-machines/" + name, Map.of("definition", passing(result)));
  }

  static Api.Response publish(String name, Map<String, Object> body) {
    return api.post("/v1/state-machines/" + name + "/versions", body);
  }

  /** Updates the state machine to return {@code result} and publishes that as a new version. */
  static int publishNew(String name, String result) {
    assertThat(update(name, result).status()).isEqualTo(200);
    var published = publish(name, Map.of());
    assertThat(published.status()).isEqualTo(201);
    return (Integer) published.json().get("version");
  }

  static Api.Response putAlias(String name, String alias, Object routing) {
    return api.put("/v1/state-machines/" + name + "/aliases/" + alias, Map.of("routing", routing));
  }

  static List<Map<String, Object>> routes(int... versionsAndWeights) {
    var routes = new java.util.ArrayList<Map<String, Object>>();
    for (int i = 0; i + 1 < versionsAndWeights.length; i += 2) {
      routes.add(Map.of("version", versionsAndWeights[i], "weight", versionsAndWeights[i + 1]));
    }
    return routes;
  }

  static Map<String, Object> startOn(String target) {
    var started = api.post("/v1/state-machines/" + target + "/executions", Map.of());
    assertThat(started.status()).as("start on %s: %s", target, started.body()).isEqualTo(201);
    return started.json();
  }

  static Object outputOf(Map<String, Object> execution) {
    return api.awaitEnd((String) execution.get("executionId"), END).get("output");
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> items(Api.Response response) {
    return (List<Map<String, Object>>) response.json().get("items");
  }

  static void assertProblem(Api.Response response, int status, String detail) {
    assertThat(response.status()).as("%s", response.body()).isEqualTo(status);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat((String) response.json().get("detail")).contains(detail);
  }

  static Api.Response startOn404(String target) {
    return api.post("/v1/state-machines/" + target + "/executions", Map.of());
  }
}
