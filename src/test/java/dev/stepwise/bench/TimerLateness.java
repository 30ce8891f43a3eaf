package dev.stepwise.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Timer lateness ({@code -Dbench.only=timers}): 200 executions of a one-second Wait started
 * together, and how late each Wait goes on (a Wait's due time to the state going on), after a
 * warm-up round of the same.
 */
final class TimerLateness {
  static final String WAIT_ONE_SECOND =
      """
      {"StartAt": "Before", "States": {
        "Before": {"Type": "Pass", "Next": "Sleep"},
        "Sleep": {"Type": "Wait", "Seconds": 1, "Next": "After"},
        "After": {"Type": "Pass", "End": true}}}
      """;

  private final StepwiseBenchmark bench;

  TimerLateness(StepwiseBenchmark bench) {
    this.bench = bench;
  }

  void run() throws Exception {
    // A warm-up round first, not reported (DBOS Transact's d-sleep warms up with 200 as well):
    // the Wait's path is not one the shapes' warm-up ran, and its first round runs half compiled.
    timerLateness(200);
    var lateness = timerLateness(200);
    bench.report.add(
        "RESULT timer_lateness_ms p50=%.1f p99=%.1f max=%.1f (200 one-second Waits started together)"
            .formatted(lateness.at(50), lateness.at(99), lateness.at(100)));
  }

  /** Starts executions with a one-second Wait together; lateness = exit time − due time. */
  @SuppressWarnings("unchecked")
  private Percentiles timerLateness(int count) throws Exception {
    var ids = Collections.synchronizedList(new ArrayList<String>());
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < count; i++) {
        pool.submit(
            () ->
                ids.add(
                    startPastAdmission(
                        "/v1/state-machines/bench-wait1-" + bench.run + "/executions")));
      }
    }
    // Read the results once the Waits are over, not while they fire: the reads are requests the
    // service would serve on the same two cores, and would make the timers they measure late.
    Thread.sleep(Duration.ofMillis(1500));
    var samples = new ArrayList<Double>();
    for (String id : ids) {
      Instant deadline = Instant.now().plusSeconds(30);
      while (!"SUCCEEDED".equals(bench.get("/v1/executions/" + id).get("status"))
          && Instant.now().isBefore(deadline)) {
        Thread.sleep(20);
      }
      var events =
          (List<Map<String, Object>>) bench.get("/v1/executions/" + id + "/history").get("events");
      Instant entered = null;
      for (var event : events) {
        if (event.get("type").equals("WaitStateEntered"))
          entered = Instant.parse((String) event.get("timestamp"));
        if (event.get("type").equals("WaitStateExited") && entered != null) {
          samples.add(
              Duration.between(
                          entered.plusSeconds(1), Instant.parse((String) event.get("timestamp")))
                      .toNanos()
                  / 1e6);
        }
      }
    }
    return new Percentiles(samples);
  }

  /** Starts an execution, sent again while admission control answers 429: its id. */
  private String startPastAdmission(String path) throws Exception {
    for (int attempt = 0; attempt < 500; attempt++) {
      Object id = bench.post(path, Map.of()).get("executionId");
      if (id != null) return (String) id;
      Thread.sleep(20);
    }
    throw new IllegalStateException("no start accepted in 500 attempts: " + path);
  }
}
