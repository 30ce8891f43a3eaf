package dev.stepwise.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the execution page draws: each reached state's status (the one its graph node shows), how
 * many of its entries are in each status, a Map state's iterations counted, and a timeline of the
 * first entries. A state never entered is absent (the page shows it as {@code not-reached}).
 */
record ExecutionStates(
    String executionId,
    String status,
    long lastEventId,
    Instant startedAt,
    Map<String, StateSummary> states,
    List<Bar> timeline,
    int timelineTotal) {

  static final int TIMELINE_BARS = 300;

  record StateSummary(
      String status, int entries, Map<String, Integer> counts, MapCounts iterations) {}

  record MapCounts(int total, int running, int succeeded, int failed, int cancelled) {}

  record Bar(String state, String status, Instant start, Instant end) {}

  static ExecutionStates of(String executionId, ExecutionRows.Progress progress, HistoryFold fold) {
    var byState = new LinkedHashMap<String, List<StateRun>>();
    for (var run : fold.runs) byState.computeIfAbsent(run.state, k -> new ArrayList<>()).add(run);
    var states = new LinkedHashMap<String, StateSummary>();
    byState.forEach((state, runs) -> states.put(state, summary(runs, fold.iterations.get(state))));
    var timeline = new ArrayList<Bar>();
    for (var run : fold.runs) {
      if (timeline.size() == TIMELINE_BARS) break;
      timeline.add(new Bar(run.state, run.status, run.enteredAt, run.open ? null : run.exitedAt));
    }
    return new ExecutionStates(
        executionId,
        progress.status(),
        progress.lastEventId(),
        progress.startedAt(),
        states,
        timeline,
        fold.runs.size());
  }

  private static StateSummary summary(
      List<StateRun> runs, List<HistoryFold.MapIteration> iterations) {
    int latest = runs.getLast().generation;
    String shown = "not-reached";
    var counts = new LinkedHashMap<String, Integer>();
    for (var run : runs) {
      counts.merge(run.status, 1, Integer::sum);
      if (run.generation == latest && StateRun.severity(run.status) > StateRun.severity(shown)) {
        shown = run.status;
      }
    }
    return new StateSummary(shown, runs.size(), counts, mapCounts(runs, iterations));
  }

  static MapCounts mapCounts(List<StateRun> runs, List<HistoryFold.MapIteration> iterations) {
    if (iterations == null && runs.stream().noneMatch(r -> r.length != null)) return null;
    int total = runs.stream().mapToInt(r -> r.length == null ? 0 : r.length).sum();
    int running = 0, succeeded = 0, failed = 0, cancelled = 0;
    for (var iteration : iterations == null ? List.<HistoryFold.MapIteration>of() : iterations) {
      switch (iteration.status) {
        case "succeeded" -> succeeded++;
        case "failed" -> failed++;
        case "cancelled" -> cancelled++;
        default -> running++;
      }
    }
    return new MapCounts(
        Math.max(total, running + succeeded + failed + cancelled),
        running,
        succeeded,
        failed,
        cancelled);
  }
}
