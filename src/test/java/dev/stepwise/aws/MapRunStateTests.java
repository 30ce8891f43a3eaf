package dev.stepwise.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.children.MapRunCounts;
import dev.stepwise.execution.ExecutionRow.ExecutionStatus;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MapRunStateTests {
  @Test
  void runsWhileChildrenRunOrWaitForASlot() {
    assertThat(state(Map.of(ExecutionStatus.RUNNING, 2), 5, null, ExecutionStatus.RUNNING).status())
        .isEqualTo("RUNNING");
    var waiting = state(Map.of(ExecutionStatus.SUCCEEDED, 2), 5, null, ExecutionStatus.RUNNING);
    assertThat(waiting.status()).isEqualTo("RUNNING");
    assertThat(waiting.counts()).containsEntry("pending", 3L).containsEntry("total", 5L);
    assertThat(waiting.stopDate()).isNull();
  }

  @Test
  void endsByTheToleratedFailures() {
    var tolerated =
        state(
            Map.of(ExecutionStatus.SUCCEEDED, 4, ExecutionStatus.FAILED, 1),
            5,
            1L,
            ExecutionStatus.SUCCEEDED);
    assertThat(tolerated.status()).isEqualTo("SUCCEEDED");
    var exceeded =
        state(
            Map.of(ExecutionStatus.SUCCEEDED, 3, ExecutionStatus.FAILED, 2),
            5,
            1L,
            ExecutionStatus.FAILED);
    assertThat(exceeded.status()).isEqualTo("FAILED");
    var none =
        state(Map.of(ExecutionStatus.SUCCEEDED, 4, ExecutionStatus.FAILED, 1), 5, null, null);
    assertThat(none.status()).isEqualTo("FAILED");
  }

  @Test
  void isAbortedWithItsParent() {
    var aborted =
        state(
            Map.of(ExecutionStatus.SUCCEEDED, 1, ExecutionStatus.ABORTED, 1),
            5,
            null,
            ExecutionStatus.ABORTED);
    assertThat(aborted.status()).isEqualTo("ABORTED");
    assertThat(aborted.stopDate()).isEqualTo(Instant.ofEpochSecond(9));
  }

  static MapRunState state(
      Map<ExecutionStatus, Integer> counts, int total, Long tolerated, ExecutionStatus parent) {
    var run =
        new MapRunCounts.Run(
            7, Instant.ofEpochSecond(1), Instant.ofEpochSecond(9), new EnumMap<>(counts));
    var started =
        new java.util.HashMap<String, Object>(Map.of("length", total, "maxConcurrency", 2));
    if (tolerated != null) started.put("toleratedFailureCount", tolerated);
    return MapRunState.of(
        run, started, null, parent == null ? ExecutionStatus.FAILED : parent, null);
  }
}
