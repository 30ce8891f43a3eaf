package dev.stepwise.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The closed loops ({@code -Dbench.only=pass10} or {@code http3}): at 1, 16 and 64 concurrent
 * starters, a 10-state Pass chain and a 3-Task HTTP chain against the local stub. Each starter
 * starts an execution, waits for its end, and starts the next: executions/s, state transitions/s,
 * start-to-finish latency and, for the HTTP chain, dispatch overhead (TaskScheduled to the
 * request's arrival). {@link Shapes} runs its closed loop of 16 starters through {@link #round} and
 * {@link #line} too.
 */
final class ClosedLoops {
  private static final int[] STARTERS = {1, 16, 64};

  private final StepwiseBenchmark bench;

  ClosedLoops(StepwiseBenchmark bench) {
    this.bench = bench;
  }

  void pass10() throws Exception {
    for (int starters : STARTERS) {
      var r = round("bench-pass10-" + bench.run, starters, StepwiseBenchmark.ROUND);
      line("pass10", starters, r, 10, null);
    }
  }

  void http3(StubEndpoint stub) throws Exception {
    for (int starters : STARTERS) {
      var r = round("bench-http3-" + bench.run, starters, StepwiseBenchmark.ROUND);
      line("http3", starters, r, 3, dispatchOverhead(r, stub));
    }
  }

  record Round(List<Map<String, Object>> executions, Duration elapsed, int failed) {}

  Round round(String stateMachine, int starters, Duration duration) throws Exception {
    var done = Collections.synchronizedList(new ArrayList<Map<String, Object>>());
    var failed = new AtomicInteger();
    Duration elapsed =
        loop(
            starters,
            duration,
            () -> {
              var execution = bench.startAndWait(stateMachine);
              if ("SUCCEEDED".equals(execution.get("status"))) done.add(execution);
              else failed.incrementAndGet();
            });
    return new Round(List.copyOf(done), elapsed, failed.get());
  }

  /** One turn of a starter: start, wait, record. */
  interface Turn {
    void take() throws Exception;
  }

  /**
   * A closed loop: {@code starters} virtual threads each taking turns until {@code duration} has
   * passed (a turn under way then is finished); returns how long it took in all.
   */
  static Duration loop(int starters, Duration duration, Turn turn) {
    Instant start = Instant.now();
    Instant end = start.plus(duration);
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < starters; i++) {
        pool.submit(
            () -> {
              while (Instant.now().isBefore(end)) turn.take();
              return null;
            });
      }
    }
    return Duration.between(start, Instant.now());
  }

  void line(
      String workload, int starters, Round r, int transitionsPerExecution, Percentiles dispatch) {
    double seconds = r.elapsed().toMillis() / 1000.0;
    double perSecond = r.executions().size() / seconds;
    var latency =
        new Percentiles(
            r.executions().stream()
                .map(
                    e ->
                        StepwiseBenchmark.millisBetween(
                            (String) e.get("startedAt"), (String) e.get("stoppedAt")))
                .toList());
    String text =
        "RESULT %s starters=%d executions_per_s=%.0f transitions_per_s=%.0f latency_ms p50=%.1f p99=%.1f failed=%d"
            .formatted(
                workload,
                starters,
                perSecond,
                perSecond * transitionsPerExecution,
                latency.at(50),
                latency.at(99),
                r.failed());
    if (dispatch != null) {
      text += " dispatch_overhead_ms p50=%.1f p99=%.1f".formatted(dispatch.at(50), dispatch.at(99));
    }
    bench.report.add(text);
    System.out.println(text);
  }

  /** TaskScheduled (committed just before the request may leave) to the request's arrival. */
  @SuppressWarnings("unchecked")
  private Percentiles dispatchOverhead(Round r, StubEndpoint stub) throws Exception {
    var samples = new ArrayList<Double>();
    for (var execution : r.executions().subList(0, Math.min(200, r.executions().size()))) {
      String id = (String) execution.get("executionId");
      var events =
          (List<Map<String, Object>>)
              bench.get("/v1/executions/" + id + "/history?pageSize=1000").get("events");
      String state = null;
      for (var event : events) {
        if (event.get("type").equals("TaskStateEntered")) {
          state = (String) ((Map<String, Object>) event.get("details")).get("name");
        }
        if (event.get("type").equals("TaskScheduled")) {
          Instant arrived = stub.arrivals.get(id + "/" + state);
          if (arrived != null) {
            samples.add(
                Duration.between(Instant.parse((String) event.get("timestamp")), arrived).toNanos()
                    / 1e6);
          }
        }
      }
    }
    return new Percentiles(samples);
  }
}
