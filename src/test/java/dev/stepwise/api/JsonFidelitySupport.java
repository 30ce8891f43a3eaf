package dev.stepwise.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.support.Api;
import dev.stepwise.support.StepwiseInstance;
import dev.stepwise.support.TestEndpoint;
import dev.stepwise.support.TestEndpoint.Answer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Any JSON a client sends or an endpoint answers comes back as it was (strings with NUL, numbers),
 * and anything that cannot be taken is a 400 problem detail, or a States.Runtime failure inside a
 * step: never a 500, a stuck execution, or a message naming an internal class. What the tests of
 * this share: one instance and one endpoint per test class, and the checks of a plain answer.
 */
abstract class JsonFidelitySupport {
  static final Duration END = Duration.ofSeconds(20);
  static final AtomicInteger COUNTER = new AtomicInteger();
  static final String NUL = "\u0000";

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

  static String machine(String definition) {
    String name = "fidelity-" + COUNTER.incrementAndGet();
    api.createStateMachine(name, definition);
    return name;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> event(String executionId, String type) {
    return (Map<String, Object>)
        api.history(executionId).stream()
            .filter(e -> type.equals(e.get("type")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no " + type + " in " + executionId))
            .get("details");
  }

  static void assertPlainProblem(Api.Response response, int status) {
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

  static void assertPlainCause(Object cause) {
    assertThat((String) cause)
        .doesNotContain("java.")
        .doesNotContain("tools.jackson")
        .doesNotContain("Exception")
        .doesNotContain("Constraints");
  }
}
