package dev.stepwise.aws;

import dev.stepwise.children.MapRunCounts;
import dev.stepwise.children.MapRunSettings;
import dev.stepwise.execution.ExecutionRow.ExecutionStatus;
import java.time.Instant;
import java.util.Map;

/**
 * A map run as AWS describes it, worked out from what the core keeps: the run's {@code
 * MapRunStarted} event in the parent's history (size, concurrency, tolerated failures), the
 * settings UpdateMapRun gave it since (they win), its child executions by status, and the parent's
 * status.
 */
record MapRunState(
    MapRunCounts.Run run,
    int total,
    int maxConcurrency,
    Long toleratedFailureCount,
    Double toleratedFailurePercentage,
    Instant startDate,
    ExecutionStatus parentStatus) {

  static MapRunState of(
      MapRunCounts.Run run,
      Map<String, Object> started,
      Instant startedAt,
      ExecutionStatus parent,
      MapRunSettings.Setting updated) {
    Object count = started.get("toleratedFailureCount");
    Object percentage = started.get("toleratedFailurePercentage");
    int total = number(started.get("length"), run.started()).intValue();
    Instant startDate = startedAt != null ? startedAt : run.firstStart();
    if (updated != null) {
      return new MapRunState(
          run,
          total,
          updated.maxConcurrency(),
          updated.toleratedFailureCount(),
          updated.toleratedFailurePercentage(),
          startDate,
          parent);
    }
    return new MapRunState(
        run,
        total,
        number(started.get("maxConcurrency"), 0).intValue(),
        count instanceof Number n ? n.longValue() : null,
        percentage instanceof Number n ? n.doubleValue() : null,
        startDate,
        parent);
  }

  int failures() {
    return run.count(ExecutionStatus.FAILED)
        + run.count(ExecutionStatus.TIMED_OUT)
        + run.count(ExecutionStatus.ABORTED);
  }

  /**
   * Whether the failures are more than the run tolerates: beyond the count or the percentage
   * (either, when both are set); with neither set, any failure (the engine's rule).
   */
  boolean exceeded() {
    int failed = failures();
    if (toleratedFailureCount == null && toleratedFailurePercentage == null) return failed > 0;
    if (toleratedFailureCount != null && failed > toleratedFailureCount) return true;
    return toleratedFailurePercentage != null
        && total > 0
        && failed * 100.0 / total > toleratedFailurePercentage;
  }

  String status() {
    int running = run.count(ExecutionStatus.RUNNING);
    boolean allEnded = running == 0 && run.started() >= total;
    if (allEnded) return exceeded() ? "FAILED" : "SUCCEEDED";
    if (parentStatus == ExecutionStatus.RUNNING && !exceeded()) return "RUNNING";
    if (running > 0) return "RUNNING";
    return parentStatus == ExecutionStatus.ABORTED ? "ABORTED" : "FAILED";
  }

  Instant stopDate() {
    return status().equals("RUNNING") ? null : run.lastStop();
  }

  /** AWS's counts: pending (not started), running, and each end, with the total. */
  Map<String, Long> counts() {
    long pending = Math.max(0, total - run.started());
    return Map.of(
        "pending", pending,
        "running", (long) run.count(ExecutionStatus.RUNNING),
        "succeeded", (long) run.count(ExecutionStatus.SUCCEEDED),
        "failed", (long) run.count(ExecutionStatus.FAILED),
        "timedOut", (long) run.count(ExecutionStatus.TIMED_OUT),
        "aborted", (long) run.count(ExecutionStatus.ABORTED),
        "total", (long) total,
        "resultsWritten", (long) run.count(ExecutionStatus.SUCCEEDED));
  }

  private static Number number(Object value, Number fallback) {
    return value instanceof Number n ? n : fallback;
  }
}
