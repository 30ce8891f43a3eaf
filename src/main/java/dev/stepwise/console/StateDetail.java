package dev.stepwise.console;

import java.time.Instant;
import java.util.List;

/**
 * One state of one execution, for the panel that opens on a click: its entries (input, output,
 * error, cause, attempts, timings), newest first and paged, and a Map state's iterations.
 */
record StateDetail(
    String state,
    String type,
    int entries,
    int offset,
    List<Entry> items,
    ExecutionStates.MapCounts iterationCounts,
    List<Iteration> iterations) {

  static final int MAX_ITERATIONS = 200;

  record Entry(
      int number,
      String status,
      Instant enteredAt,
      Instant exitedAt,
      int attempts,
      Object input,
      Object output,
      String error,
      String cause) {}

  record Iteration(int index, String status, Instant startedAt, Instant endedAt) {}

  static StateDetail of(
      HistoryFold fold, String state, String type, int offset, int limit, int iterationOffset) {
    var runs = fold.runs.stream().filter(r -> r.state.equals(state)).toList().reversed();
    var page =
        runs.stream()
            .skip(offset)
            .limit(limit)
            .map(
                r ->
                    new Entry(
                        runs.size() - runs.indexOf(r),
                        r.status,
                        r.enteredAt,
                        r.open ? null : r.exitedAt,
                        r.attempts,
                        r.input,
                        r.output,
                        r.error,
                        r.cause))
            .toList();
    var iterations = fold.iterations.get(state);
    List<Iteration> shown =
        iterations == null
            ? List.of()
            : iterations.stream()
                .skip(iterationOffset)
                .limit(MAX_ITERATIONS)
                .map(i -> new Iteration(i.index, i.status, i.startedAt, i.endedAt))
                .toList();
    return new StateDetail(
        state, type, runs.size(), offset, page, ExecutionStates.mapCounts(runs, iterations), shown);
  }
}
