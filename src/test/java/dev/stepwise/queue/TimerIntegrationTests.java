package dev.stepwise.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.support.Api;
import dev.stepwise.support.StepwiseInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Timers claimed ahead of their due time (see {@code stepwise.queue.claim-ahead}) still fire no
 * earlier than due: a Wait of one second, with claim-ahead made larger than the wait itself so that
 * the claimer takes the timer at once, still lasts its second.
 */
class TimerIntegrationTests {
  static StepwiseInstance stepwise;
  static Api api;

  @BeforeAll
  static void start() {
    stepwise = StepwiseInstance.start(Map.of("stepwise.queue.claim-ahead", "5s"));
    api = stepwise.api();
  }

  @AfterAll
  static void stop() {
    stepwise.close();
  }

  @Test
  void aTimerClaimedAheadFiresNoEarlierThanDue() {
    api.createStateMachine(
        "claimed-ahead",
        """
        {"StartAt": "Pause", "States": {
          "Pause": {"Type": "Wait", "Seconds": 1, "Next": "Done"},
          "Done": {"Type": "Pass", "End": true}}}
        """);
    String execution = api.start("claimed-ahead", Map.of());

    assertThat(api.awaitEnd(execution, Duration.ofSeconds(30)))
        .containsEntry("status", "SUCCEEDED");
    List<Map<String, Object>> history = api.history(execution);
    Instant entered = timestamp(history, "WaitStateEntered");
    Instant exited = timestamp(history, "WaitStateExited");
    // The due time is taken as the step is decided, the entered event's timestamp as its
    // transaction commits, a few milliseconds later: run at once, the timer would exit within
    // milliseconds of entering.
    assertThat(Duration.between(entered, exited)).isGreaterThan(Duration.ofMillis(900));
  }

  private static Instant timestamp(List<Map<String, Object>> history, String type) {
    return history.stream()
        .filter(e -> type.equals(e.get("type")))
        .map(e -> Instant.parse((String) e.get("timestamp")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " in " + history));
  }
}
