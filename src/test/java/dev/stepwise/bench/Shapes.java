package dev.stepwise.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The two shapes side by side on the same workloads, with what each costs ({@code
 * -Dbench.only=shapes}): a closed loop of 16 starters (each waits for its execution before starting
 * the next) and a burst (1,000 executions of the 3-Task HTTP chain, then 2,000 of the 10-state Pass
 * chain, each from 16 clients starting as fast as they can; throughput from the first start to the
 * last finish), each with service and PostgreSQL CPU, commits and WAL bytes per execution; and one
 * execution at a time (100 of the HTTP chain, start to finish). With {@code peers} among {@code
 * -Dbench.only}, the peers' harnesses then run in the same sitting and the ratios are printed.
 */
final class Shapes {
  static final int HTTP3_BURST = Integer.getInteger("bench.shapes.http3", 1000);
  static final int PASS10_BURST = Integer.getInteger("bench.shapes.pass10", 2000);
  static final int CLIENTS = 16;

  /** This run's figures, for the ratios against the peers. */
  private static final Map<String, Double> OURS = new java.util.HashMap<>();

  private final StepwiseBenchmark bench;
  private final ServiceProcess service;
  private final DatabaseMeter meter;
  private final StubEndpoint stub;
  private Costs.Idle idle = Costs.Idle.NONE;

  Shapes(StepwiseBenchmark bench, ServiceProcess service, DatabaseMeter meter, StubEndpoint stub) {
    this.bench = bench;
    this.service = service;
    this.meter = meter;
    this.stub = stub;
  }

  void run() throws Exception {
    idle();
    var burst = new BurstShape(StepwiseBenchmark.CLIENT, bench.base, meter);
    String http3 = "bench-shape-http3-" + bench.run;
    String pass10 = "bench-shape-pass10-" + bench.run;
    bench.define(http3, StepwiseBenchmark.taskChain(3, stub.url()));
    bench.define(pass10, StepwiseBenchmark.passChain(10));
    double closedHttp = closedLoop("http3", "bench-http3-" + bench.run, 3);
    var burstHttp = burst.run("burst_http3", http3, HTTP3_BURST, CLIENTS, 3, costs());
    report(burstHttp.text());
    double closedPass = closedLoop("pass10", "bench-pass10-" + bench.run, 10);
    var burstPass = burst.run("burst_pass10", pass10, PASS10_BURST, CLIENTS, 10, costs());
    report(burstPass.text());
    report(
        "RESULT burst_vs_closed_loop http3=%.2f pass10=%.2f (burst executions/s over closed loop of %d)"
            .formatted(
                burstHttp.executionsPerSecond() / closedHttp,
                burstPass.executionsPerSecond() / closedPass,
                CLIENTS));
    single();
    OURS.put("http3", burstHttp.executionsPerSecond());
    OURS.put("pass10", burstPass.executionsPerSecond() * 10);
    OURS.put("rss", (double) service.peakRssMiB());
  }

  /** What the idle service costs (its pollers), to tell it from a workload's cost. */
  private void idle() throws Exception {
    Thread.sleep(11_000); // let the warm-up's last statistics reach pg_stat_database
    idle = Costs.idle(service, meter, 11_000);
    report(
        "RESULT idle per_s: service_cpu_ms=%.1f postgres_cpu_ms=%.1f commits=%.1f wal_bytes=%.0f"
            .formatted(idle.serviceCpu(), idle.postgresCpu(), idle.commits(), idle.walBytes()));
  }

  private double closedLoop(String workload, String stateMachine, int transitions)
      throws Exception {
    var costs = costs();
    costs.begin();
    var loops = new ClosedLoops(bench);
    var round = loops.round(stateMachine, CLIENTS, StepwiseBenchmark.ROUND);
    String perExecution = costs.end(round.executions().size() + round.failed());
    loops.line("closed_" + workload, CLIENTS, round, transitions, null);
    int last = bench.report.size() - 1;
    bench.report.set(last, bench.report.get(last) + " " + perExecution);
    System.out.println(perExecution);
    return round.executions().size() / (round.elapsed().toMillis() / 1000.0);
  }

  /**
   * One execution at a time: start (waiting for the end) to the answer, and startedAt→stoppedAt.
   */
  private void single() throws Exception {
    String stateMachine = "bench-http3-" + bench.run;
    var roundTrip = new ArrayList<Double>();
    var inService = new ArrayList<Double>();
    for (int i = 0; i < 100; i++) {
      long t0 = System.nanoTime();
      Map<String, Object> execution = bench.startAndWait(stateMachine);
      roundTrip.add((System.nanoTime() - t0) / 1e6);
      inService.add(
          StepwiseBenchmark.millisBetween(
              (String) execution.get("startedAt"), (String) execution.get("stoppedAt")));
    }
    var client = new Percentiles(roundTrip);
    var server = new Percentiles(inService);
    report(
        ("RESULT single_http3 n=100 start_to_finish_ms p50=%.1f p99=%.1f"
                + " (startedAt to stoppedAt) client_round_trip_ms p50=%.1f p99=%.1f"
                + " (start with waitSeconds to its answer)")
            .formatted(server.at(50), server.at(99), client.at(50), client.at(99)));
    OURS.put("single", client.at(50));
  }

  private Costs costs() {
    return new Costs(service, meter, idle);
  }

  private void report(String line) {
    bench.report.add(line);
    System.out.println(line);
  }

  /** The peers' harnesses, after the service has stopped, and the ratios. */
  static void peers(List<String> report) throws Exception {
    var peers = new Peers();
    peers.run(Path.of(System.getProperty("bench.peers", "../shared/peers")));
    report.addAll(peers.lines);
    double dbos = peers.figure("d-http3", "throughput.workflows_per_s");
    double dbosSteps = peers.figure("d-steps10", "throughput.steps_per_s");
    double flowable = peers.figure("w1-async", "throughput.instances_per_s");
    report.add(
        ("RESULT ratios http3_burst_vs_dbos=%.2f http3_burst_vs_flowable=%.2f"
                + " pass10_transitions_vs_dbos_steps10=%.2f (same sitting; Stepwise %.0f ex/s,"
                + " %.0f transitions/s; DBOS %.0f wf/s, %.0f steps/s; Flowable %.0f proc/s)"
                + " single_p50_ms stepwise=%.1f dbos=%.1f peak_rss_mib stepwise=%.0f dbos=%.0f")
            .formatted(
                OURS.getOrDefault("http3", Double.NaN) / dbos,
                OURS.getOrDefault("http3", Double.NaN) / flowable,
                OURS.getOrDefault("pass10", Double.NaN) / dbosSteps,
                OURS.getOrDefault("http3", Double.NaN),
                OURS.getOrDefault("pass10", Double.NaN),
                dbos,
                dbosSteps,
                flowable,
                OURS.getOrDefault("single", Double.NaN),
                peers.figure("d-http3", "isolated_latency_ms.p50"),
                OURS.getOrDefault("rss", Double.NaN),
                peers.figure("d-http3", "memory.peak_rss_mb")));
  }
}
