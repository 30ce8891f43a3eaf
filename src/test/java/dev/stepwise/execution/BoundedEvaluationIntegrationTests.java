package dev.stepwise.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.support.StepwiseInstance;
import dev.stepwise.support.TestEndpoint;
import dev.stepwise.support.TestEndpoint.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A definition whose expression would run without end fails its state with the AWS error, and one
 * busy step never holds up the rest of the node: with a 5 s lease, a long Task beside it is
 * delivered exactly once, and the health endpoint keeps answering.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class BoundedEvaluationIntegrationTests {
  private static final String PAD = "{% $length($pad('x', 3000000)) %}";

  /** Would add numbers for hours: it runs until the evaluation time limit. */
  private static final String ENDLESS =
      "{% $reduce([1..100000], function($a, $i) {"
          + " $reduce([1..100000], function($b, $j) { $b + $j }, 0) }, 0) %}";

  static StepwiseInstance stepwise;
  static TestEndpoint endpoint;

  @BeforeAll
  static void start() {
    endpoint = new TestEndpoint();
    endpoint.echo("/echo");
    endpoint.on(
        "/slow",
        call -> {
          sleep(Duration.ofSeconds(12));
          return Answer.ok(Map.of("done", true));
        });
    stepwise =
        StepwiseInstance.start(
            Map.of("stepwise.queue.lease", "5s", "stepwise.limits.evaluation-timeout", "8s"));
  }

  @AfterAll
  static void stop() {
    stepwise.close();
    endpoint.close();
  }

  @Test
  void aHugePadAfterAWaitFailsPromptlyWithQueryEvaluationError() {
    var api = stepwise.api();
    api.createStateMachine(
        "bounded-pad-wait",
        """
        {"QueryLanguage":"JSONata","StartAt":"W","States":{
          "W":{"Type":"Wait","Seconds":1,"Next":"P"},
          "P":{"Type":"Pass","Output":"%s","End":true}}}
        """
            .formatted(PAD));
    String id = api.start("bounded-pad-wait", Map.of());

    var execution = api.awaitEnd(id, Duration.ofSeconds(20));

    assertThat(execution.get("status")).isEqualTo("FAILED");
    assertThat(execution.get("error")).isEqualTo("States.QueryEvaluationError");
    assertThat((String) execution.get("cause")).contains("limit").doesNotContain("java.");
  }

  @Test
  void aHugePadInTheFirstStateAnswersTheStartRequestAndIsCaught() {
    var api = stepwise.api();
    api.createStateMachine(
        "bounded-pad-catch",
        """
        {"QueryLanguage":"JSONata","StartAt":"P","States":{
          "P":{"Type":"Task","Resource":"%s","Arguments":{"n":"%s"},"End":true,
               "Catch":[{"ErrorEquals":["States.QueryEvaluationError"],"Next":"Caught"}]},
          "Caught":{"Type":"Pass","Output":"{%% $states.input.Error %%}","End":true}}}
        """
            .formatted(endpoint.url("/echo"), PAD));
    Instant before = Instant.now();
    String id = api.start("bounded-pad-catch", Map.of());
    // A correctness bound, not a speed target: the request used to never answer.
    assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(10));

    var execution = api.awaitEnd(id, Duration.ofSeconds(20));

    assertThat(execution.get("status")).isEqualTo("SUCCEEDED");
    assertThat(execution.get("output")).isEqualTo("States.QueryEvaluationError");
    assertThat(endpoint.calls("/echo")).isEmpty();
  }

  @Test
  void aBusyStepHoldsUpNeitherALongTaskNorTheHealthEndpoint() throws Exception {
    var api = stepwise.api();
    api.createStateMachine(
        "bounded-long-task",
        """
        {"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"%s","End":true}}}
        """
            .formatted(endpoint.url("/slow")));
    api.createStateMachine(
        "bounded-endless",
        """
        {"QueryLanguage":"JSONata","StartAt":"W","States":{
          "W":{"Type":"Wait","Seconds":1,"Next":"P"},
          "P":{"Type":"Pass","Output":"%s","End":true}}}
        """
            .formatted(ENDLESS));

    String task = api.start("bounded-long-task", Map.of());
    awaitCalls("/slow", 1, Duration.ofSeconds(10));
    String busy = api.start("bounded-endless", Map.of());

    // While the busy step computes (up to the 8 s limit, longer than the 5 s lease), the node's
    // health answers promptly.
    List<Duration> healthTimes = new ArrayList<>();
    Instant until = Instant.now().plusSeconds(10);
    while (Instant.now().isBefore(until)) {
      Instant sent = Instant.now();
      var health = api.get("/actuator/health");
      healthTimes.add(Duration.between(sent, Instant.now()));
      assertThat(health.status()).isEqualTo(200);
      sleep(Duration.ofMillis(250));
    }

    var busyEnd = api.awaitEnd(busy, Duration.ofSeconds(30));
    var taskEnd = api.awaitEnd(task, Duration.ofSeconds(40));

    assertThat(busyEnd.get("status")).isEqualTo("FAILED");
    assertThat(busyEnd.get("error")).isEqualTo("States.QueryEvaluationError");
    assertThat((String) busyEnd.get("cause")).contains("longer than the limit of 8000 ms");
    assertThat(taskEnd.get("status")).isEqualTo("SUCCEEDED");
    // The busy step never blocked the lease heartbeat: the Task was not taken over and re-sent.
    sleep(Duration.ofSeconds(1));
    assertThat(endpoint.calls("/slow")).hasSize(1);
    assertThat(healthTimes).allSatisfy(d -> assertThat(d).isLessThan(Duration.ofSeconds(2)));
  }

  private static void awaitCalls(String path, int count, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (endpoint.calls(path).size() < count) {
      if (Instant.now().isAfter(deadline)) throw new AssertionError("no call to " + path);
      sleep(Duration.ofMillis(50));
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
