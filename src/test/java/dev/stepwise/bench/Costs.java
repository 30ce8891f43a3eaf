package dev.stepwise.bench;

import java.sql.SQLException;

/**
 * What one workload cost, per execution: CPU of the service process and of PostgreSQL, commits and
 * WAL bytes. {@link #begin} before the first start; {@link #end} once every execution has ended and
 * PostgreSQL's statistics have been flushed (its backends report them at most once a second, hence
 * the settle pause, during which the service's idle polling also counts).
 */
final class Costs {
  private static final long SETTLE_MILLIS = 11_000;

  /**
   * What the idle service costs per second of settling (service CPU, PostgreSQL CPU, commits, WAL).
   */
  record Idle(double serviceCpu, double postgresCpu, double commits, double walBytes) {
    static final Idle NONE = new Idle(0, 0, 0, 0);
  }

  private final ServiceProcess service;
  private final DatabaseMeter database;
  private double serviceCpu;
  private java.util.Map<String, Double> threads;
  private final Idle idle;
  private DatabaseMeter.Snapshot before;

  Costs(ServiceProcess service, DatabaseMeter database, Idle idle) {
    this.service = service;
    this.database = database;
    this.idle = idle;
  }

  /** The idle service's cost per second, over {@code millis} of doing nothing. */
  static Idle idle(ServiceProcess service, DatabaseMeter database, long millis)
      throws SQLException, InterruptedException {
    var before = database.snapshot();
    double cpu = ProcessCpu.millis(service.pid());
    Thread.sleep(millis);
    var after = database.snapshot();
    double seconds = millis / 1000.0;
    return new Idle(
        (ProcessCpu.millis(service.pid()) - cpu) / seconds,
        after.backendCpuSince(before) / seconds,
        after.commitsSince(before) / seconds,
        after.walBytesSince(before) / seconds);
  }

  void begin() throws SQLException {
    before = database.snapshot();
    serviceCpu = ProcessCpu.millis(service.pid());
    threads = ProcessCpu.byThread(service.pid());
  }

  /** The service's CPU per execution by thread group, largest first (the idle cost included). */
  private String threadGroups(int executions) {
    var delta = new java.util.HashMap<String, Double>();
    ProcessCpu.byThread(service.pid())
        .forEach((name, cpu) -> delta.put(name, cpu - threads.getOrDefault(name, 0.0)));
    var text = new StringBuilder();
    delta.entrySet().stream()
        .filter(e -> e.getValue() / executions >= 0.05)
        .sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(
            e ->
                text.append(
                    " [%s]=%.2f"
                        .formatted(e.getKey().replace(' ', '_'), e.getValue() / executions)));
    return text.toString();
  }

  /** {@code service_cpu_ms=… postgres_cpu_ms=… … commits=… wal_bytes=…} per execution. */
  String end(int executions) throws SQLException, InterruptedException {
    Thread.sleep(SETTLE_MILLIS);
    double settle = SETTLE_MILLIS / 1000.0;
    double service =
        ProcessCpu.millis(this.service.pid()) - serviceCpu - idle.serviceCpu() * settle;
    var after = database.snapshot();
    return ("per_execution: service_cpu_ms=%.2f postgres_cpu_ms=%.2f postgres_background_cpu_ms=%.2f"
            + " commits=%.2f wal_bytes=%.0f service_cpu_ms_by_thread:%s")
        .formatted(
            service / executions,
            (after.backendCpuSince(before) - idle.postgresCpu() * settle) / executions,
            after.backgroundCpuSince(before) / executions,
            (after.commitsSince(before) - idle.commits() * settle) / executions,
            (after.walBytesSince(before) - idle.walBytes() * settle) / executions,
            threadGroups(executions));
  }
}
