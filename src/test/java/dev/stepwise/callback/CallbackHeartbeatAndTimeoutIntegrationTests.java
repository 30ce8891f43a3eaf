package dev.stepwise.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A task waiting for its token is bounded by HeartbeatSeconds (heartbeats keep it alive) and
 * TimeoutSeconds.
 */
class CallbackHeartbeatAndTimeoutIntegrationTests extends CallbackSupport {
  @Test
  void heartbeatsKeepTheTaskAlivePastItsHeartbeatSeconds() {
    approval("cb-heartbeat", "/approve", "\"HeartbeatSeconds\": 2, \"TimeoutSeconds\": 60,");
    Waiting waiting = startWaiting("cb-heartbeat", 3);
    Instant alivePast = Instant.now().plusSeconds(4);

    while (Instant.now().isBefore(alivePast)) {
      assertThat(heartbeat(waiting.token()).status()).isEqualTo(200);
      pause(Duration.ofMillis(400));
    }

    assertThat(stepwise.api().execution(waiting.executionId()).get("status")).isEqualTo("RUNNING");
    assertThat(success(waiting.token(), "done").status()).isEqualTo(200);
    assertThat(stepwise.api().awaitEnd(waiting.executionId(), Duration.ofSeconds(20)).get("status"))
        .isEqualTo("SUCCEEDED");
  }

  @Test
  void missingHeartbeatsGiveAHeartbeatTimeout() {
    approval("cb-no-heartbeat", "/approve", "\"HeartbeatSeconds\": 1,");
    Waiting waiting = startWaiting("cb-no-heartbeat", 4);

    var ended = stepwise.api().awaitEnd(waiting.executionId(), Duration.ofSeconds(20));

    assertThat(ended.get("status")).isEqualTo("FAILED");
    assertThat(ended.get("error")).isEqualTo("States.HeartbeatTimeout");
    assertThat(types(waiting.executionId()))
        .containsSubsequence("TaskSubmitted", "TaskTimedOut", "ExecutionFailed");
    assertThat(heartbeat(waiting.token()).status()).isEqualTo(409);
  }

  @Test
  void timeoutSecondsGivesStatesTimeout() {
    approval("cb-timeout", "/approve", "\"TimeoutSeconds\": 1,");
    Waiting waiting = startWaiting("cb-timeout", 5);

    var ended = stepwise.api().awaitEnd(waiting.executionId(), Duration.ofSeconds(20));

    assertThat(ended.get("status")).isEqualTo("FAILED");
    assertThat(ended.get("error")).isEqualTo("States.Timeout");
    assertThat(types(waiting.executionId())).contains("TaskTimedOut");
    assertThat(success(waiting.token(), "late").status()).isEqualTo(409);
  }
}
