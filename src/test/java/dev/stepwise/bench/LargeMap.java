package dev.stepwise.bench;

import java.time.Instant;
import java.util.Map;

/**
 * One inline Map over {@value #ITEMS} Pass items ({@code -Dbench.only=map}), after a warm-up over a
 * tenth as many: the execution's duration ({@code startedAt} to {@code stoppedAt}) and items/s.
 */
final class LargeMap {
  static final int ITEMS = 40_000;

  // Four events per iteration: the 25,000-event default would fail the Map (as AWS would).
  static final String HISTORY_LIMIT = "--stepwise.limits.history-events=" + (4 * ITEMS + 100);

  private final StepwiseBenchmark bench;
  private final ServiceProcess service;

  LargeMap(StepwiseBenchmark bench, ServiceProcess service) {
    this.bench = bench;
    this.service = service;
  }

  void run() throws Exception {
    String name = "bench-map-" + bench.run;
    bench.define(
        name,
        """
        {"StartAt": "Each", "States": {"Each": {"Type": "Map", "End": true,
          "ItemProcessor": {"StartAt": "Item", "States": {"Item": {"Type": "Pass", "End": true}}}}}}
        """);
    runMap(name, ITEMS / 10);
    var execution = runMap(name, ITEMS);
    double seconds =
        StepwiseBenchmark.millisBetween(
                (String) execution.get("startedAt"), (String) execution.get("stoppedAt"))
            / 1000;
    String text =
        "RESULT map%dk items=%d status=%s duration_s=%.2f items_per_s=%.0f peak_rss_mib=%d"
            .formatted(
                ITEMS / 1000,
                ITEMS,
                execution.get("status"),
                seconds,
                ITEMS / seconds,
                service.peakRssMiB());
    bench.report.add(text);
    System.out.println(text);
  }

  private Map<String, Object> runMap(String name, int items) throws Exception {
    var input = java.util.stream.IntStream.range(0, items).boxed().toList();
    String id =
        (String)
            bench
                .post("/v1/state-machines/" + name + "/executions", Map.of("input", input))
                .get("executionId");
    Instant deadline = Instant.now().plusSeconds(600);
    while (true) {
      var execution = bench.get("/v1/executions/" + id);
      if (!"RUNNING".equals(execution.get("status")) || Instant.now().isAfter(deadline)) {
        return execution;
      }
      Thread.sleep(50);
    }
  }
}
