package dev.stepwise.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Folds an execution's history into what each state did: one {@link StateRun} per entry into a
 * state, and each Map state's iterations. AWS's history names the state on its entered and exited
 * events only; the events in between (a Task's schedule, start, success or failure; a Parallel or
 * Map's start and failure) are given to the oldest open entry that they fit, which is exact unless
 * the same state runs concurrently (iterations of a Map), where only the counts are sure.
 */
final class HistoryFold {
  private final DefinitionOutline outline;
  final List<StateRun> runs = new ArrayList<>();
  final Map<String, List<MapIteration>> iterations = new LinkedHashMap<>();
  private final List<StateRun> open = new ArrayList<>();
  private int generation;

  /** One iteration of a Map state, from its {@code MapIteration*} events. */
  static final class MapIteration {
    final int index;
    final Instant startedAt;
    Instant endedAt;
    String status = "running";

    MapIteration(int index, Instant startedAt) {
      this.index = index;
      this.startedAt = startedAt;
    }
  }

  HistoryFold(DefinitionOutline outline) {
    this.outline = outline;
  }

  HistoryFold fold(List<HistoryRows.Event> events, String executionStatus) {
    for (var event : events) apply(event);
    if (!"RUNNING".equals(executionStatus)) {
      Instant end = events.isEmpty() ? null : events.getLast().timestamp();
      finish(executionStatus, end);
    }
    return this;
  }

  private void apply(HistoryRows.Event event) {
    String type = event.type();
    var d = event.details();
    Instant at = event.timestamp();
    String name = d.get("name") instanceof String s ? s : null;
    if (type.endsWith("StateEntered") && name != null) {
      entered(name, at, d.get("input"));
    } else if (type.endsWith("StateExited") && name != null) {
      var run = oldest(r -> r.state.equals(name));
      if (run != null) {
        run.output = d.get("output");
        close(run, "succeeded", at);
      }
    } else if (type.startsWith("MapIteration")
        && name != null
        && d.get("index") instanceof Number i) {
      iteration(name, i.intValue(), type.substring("MapIteration".length()), at);
    } else if (type.equals("ExecutionRedriven")) {
      for (var run : List.copyOf(open)) close(run, run.failed ? "failed" : "cancelled", at);
      generation++;
    } else if (type.startsWith("Task") || type.startsWith("Activity")) {
      task(type, d, at);
    } else if (type.startsWith("Parallel") || type.startsWith("Map")) {
      container(type.startsWith("Parallel") ? "Parallel" : "Map", type, d, at);
    }
  }

  private void entered(String name, Instant at, Object input) {
    // Entering a Catch's target closes the entry whose failure it caught.
    var caught = oldest(r -> r.failed && outline.catches(r.state, name));
    if (caught != null) close(caught, "caught", at);
    String type = outline.type(name);
    var run = new StateRun(name, type, runs.size(), generation, at, input);
    runs.add(run);
    if (type.equals("Fail")) {
      run.close("failed", at);
    } else {
      open.add(run);
    }
  }

  private void task(String type, Map<String, Object> d, Instant at) {
    String resource = d.get("resource") instanceof String s ? s : null;
    String event = type.startsWith("Task") ? type.substring(4) : type.substring(8);
    boolean scheduled = event.equals("Scheduled");
    var run =
        oldest(
            r ->
                r.type.equals("Task")
                    && (scheduled
                        ? r.resource == null || r.failed
                        : Objects.equals(r.resource, resource)));
    if (run == null) return;
    switch (event) {
      case "Scheduled" -> {
        run.resource = resource;
        run.attempts++;
        run.failed = false;
        run.status = type.startsWith("Activity") ? "waiting" : "running";
      }
      case "Started" -> run.status = "running";
      case "Submitted" -> run.status = "waiting";
      case "Succeeded" -> {
        run.output = d.get("output");
        run.status = "running";
      }
      case "Failed", "TimedOut", "StartFailed", "SubmitFailed" ->
          run.fail(d.get("error"), d.get("cause"));
      default -> {}
    }
  }

  private void container(String kind, String type, Map<String, Object> d, Instant at) {
    boolean started = type.endsWith("StateStarted") || type.equals("MapRunStarted");
    var run = oldest(r -> r.type.equals(kind) && (started ? !r.forked : !r.failed));
    if (run == null) return;
    if (started) {
      run.forked = true;
      if (d.get("length") instanceof Number n) run.length = n.intValue();
    } else if (type.endsWith("Failed") || type.endsWith("Aborted")) {
      run.fail(d.get("error"), d.get("cause"));
      // Whatever still ran inside the failed state was cancelled with it.
      for (var inner : List.copyOf(open)) {
        if (outline.inside(inner.state, run.state)) {
          close(inner, inner.failed ? "failed" : "cancelled", at);
        }
      }
    }
  }

  private void iteration(String map, int index, String event, Instant at) {
    var list = iterations.computeIfAbsent(map, k -> new ArrayList<>());
    if (event.equals("Started")) {
      list.add(new MapIteration(index, at));
      return;
    }
    for (int i = list.size() - 1; i >= 0; i--) {
      var iteration = list.get(i);
      if (iteration.index == index && iteration.endedAt == null) {
        iteration.endedAt = at;
        iteration.status =
            switch (event) {
              case "Succeeded" -> "succeeded";
              case "Failed" -> "failed";
              default -> "cancelled";
            };
        return;
      }
    }
  }

  /** The execution ended: what still ran failed (where the failure came from) or was cancelled. */
  private void finish(String status, Instant at) {
    boolean failedExecution = status.equals("FAILED");
    boolean anyFailed = open.stream().anyMatch(r -> r.failed);
    StateRun culprit = failedExecution && !anyFailed && !open.isEmpty() ? open.getLast() : null;
    for (var run : List.copyOf(open)) {
      close(run, run.failed || run == culprit ? "failed" : "cancelled", at);
    }
    for (var list : iterations.values()) {
      for (var iteration : list) {
        if (iteration.endedAt == null) iteration.status = "cancelled";
      }
    }
  }

  private void close(StateRun run, String status, Instant at) {
    run.close(status, at);
    open.remove(run);
  }

  private StateRun oldest(Predicate<StateRun> test) {
    for (var run : open) if (test.test(run)) return run;
    return null;
  }
}
