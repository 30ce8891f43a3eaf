package dev.stepwise.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What a workload costs PostgreSQL, read from the database the service uses: committed transactions
 * ({@code pg_stat_database.xact_commit}), WAL bytes ({@code pg_current_wal_lsn()} before and after)
 * and CPU time of the server processes ({@link ProcessCpu} on the pids in {@code pg_stat_activity}:
 * the backends connected to this database, which are the service's pool and this meter; and, apart,
 * the cluster's background processes — WAL writer, checkpointer, background writer — which a shared
 * cluster also spends on other databases). The meter's own queries are transactions too; {@link
 * Snapshot#commitsSince} subtracts them.
 */
final class DatabaseMeter implements AutoCloseable {
  private final Connection connection;
  private long ownTransactions;

  DatabaseMeter(String jdbcUrl) throws SQLException {
    connection = DriverManager.getConnection(jdbcUrl);
    connection.setAutoCommit(true);
  }

  /** A point in time: counters to subtract from a later snapshot. */
  record Snapshot(
      long commits,
      long walLsn,
      long ownTransactions,
      Map<Long, Double> backendCpu,
      double backgroundCpu) {
    long commitsSince(Snapshot before) {
      return commits - before.commits - (ownTransactions - before.ownTransactions);
    }

    long walBytesSince(Snapshot before) {
      return walLsn - before.walLsn;
    }

    /** CPU of backends alive at both ends (the pool's connections live through a workload). */
    double backendCpuSince(Snapshot before) {
      double sum = 0;
      for (var e : backendCpu.entrySet()) {
        sum += e.getValue() - before.backendCpu.getOrDefault(e.getKey(), 0.0);
      }
      return sum;
    }

    double backgroundCpuSince(Snapshot before) {
      return backgroundCpu - before.backgroundCpu;
    }
  }

  /** fsync, synchronous_commit and full_page_writes, as the server runs them. */
  String durability() throws SQLException {
    return "fsync="
        + show("fsync")
        + " synchronous_commit="
        + show("synchronous_commit")
        + " full_page_writes="
        + show("full_page_writes");
  }

  boolean durable() throws SQLException {
    return show("fsync").equals("on") && !show("synchronous_commit").equals("off");
  }

  String serverVersion() throws SQLException {
    return show("server_version");
  }

  synchronized Snapshot snapshot() throws SQLException {
    // pg_stat_database is a per-transaction snapshot of the statistics: clear it to read anew.
    query("select pg_stat_clear_snapshot()");
    long commits =
        Long.parseLong(
            query("select xact_commit from pg_stat_database where datname = current_database()"));
    long lsn = Long.parseLong(query("select pg_current_wal_lsn() - '0/0'::pg_lsn"));
    var backends = new HashMap<Long, Double>();
    double background = 0;
    try (var statement = connection.createStatement();
        var rows =
            statement.executeQuery(
                "select pid, datname = current_database() from pg_stat_activity"
                    + " where datname = current_database() or backend_type in"
                    + " ('walwriter', 'checkpointer', 'background writer')")) {
      while (rows.next()) {
        double cpu = ProcessCpu.millis(rows.getLong(1));
        if (cpu < 0) continue;
        if (rows.getBoolean(2)) backends.put(rows.getLong(1), cpu);
        else background += cpu;
      }
    }
    ownTransactions += 4; // this snapshot's own four statements
    return new Snapshot(commits, lsn, ownTransactions, Map.copyOf(backends), background);
  }

  /** Executions of the given state machine not yet ended. */
  synchronized long running(String stateMachine) throws SQLException {
    try (var statement =
        connection.prepareStatement(
            "select count(*) from execution where state_machine = ? and status = 'RUNNING'")) {
      statement.setString(1, stateMachine);
      try (var rows = statement.executeQuery()) {
        ownTransactions++;
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  /** How many of the given state machine's executions are in each status. */
  synchronized Map<String, Long> statuses(String stateMachine) throws SQLException {
    try (var statement =
        connection.prepareStatement(
            "select status, count(*) from execution where state_machine = ? group by status")) {
      statement.setString(1, stateMachine);
      try (var rows = statement.executeQuery()) {
        ownTransactions++;
        var counts = new java.util.TreeMap<String, Long>();
        while (rows.next()) counts.put(rows.getString(1), rows.getLong(2));
        return counts;
      }
    }
  }

  /** The last {@code stopped_at} of the given state machine's executions. */
  synchronized Instant lastStop(String stateMachine) throws SQLException {
    try (var statement =
        connection.prepareStatement(
            "select max(stopped_at) from execution where state_machine = ?")) {
      statement.setString(1, stateMachine);
      try (var rows = statement.executeQuery()) {
        ownTransactions++;
        rows.next();
        return rows.getTimestamp(1).toInstant();
      }
    }
  }

  private String show(String setting) throws SQLException {
    return query("show " + setting);
  }

  private synchronized String query(String sql) throws SQLException {
    try (var statement = connection.createStatement();
        var rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
