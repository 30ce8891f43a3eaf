package dev.stepwise.bench;

import dev.stepwise.database.DirectConnections;
import dev.stepwise.retention.RetentionJob;
import dev.stepwise.retention.RetentionProperties;
import dev.stepwise.retention.RetentionRun;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.env.MockEnvironment;

/**
 * Retention at scale ({@code -Dbench.only=retention}, needs {@code STEPWISE_BENCH_DATABASE_URL}):
 * loads {@code bench.retention.executions} finished executions (default 1,000,000) back-dated 100
 * to 130 days, each with a root token and six history events, plus a thousand still running since
 * then; then runs the retention job (the service's own class, on its own connection, as a replica
 * runs it) while Pass-chain starters keep the service busy, and prints how long the run took, the
 * tables' size before and after, and the transitions/s during the run against the same load without
 * it, measured before and after.
 */
final class RetentionBench {
  private static final int EXECUTIONS = Integer.getInteger("bench.retention.executions", 1_000_000);
  private static final int DAYS = 30;
  private static final int RUNNING = 1000;
  private static final int STARTERS = 16;
  private static final double WORK_SHARE =
      Double.parseDouble(System.getProperty("bench.retention.workShare", "0.2"));

  private final JdbcClient jdbc;
  private final DriverManagerDataSource dataSource;
  private final PassLoad load;
  private final String stateMachine;

  RetentionBench(String databaseUrl, PassLoad load, String stateMachine) {
    this.dataSource = new DriverManagerDataSource(databaseUrl);
    this.jdbc = JdbcClient.create(dataSource);
    this.load = load;
    this.stateMachine = stateMachine;
  }

  List<String> run() throws Exception {
    var report = new ArrayList<String>();
    Instant t0 = Instant.now();
    loadOldExecutions();
    report.add(
        "RESULT retention_load executions=%d running=%d history_events=%d seconds=%.0f"
            .formatted(
                count("execution"),
                RUNNING,
                count("history_event"),
                Duration.between(t0, Instant.now()).toMillis() / 1000.0));
    report.add("RESULT retention_size before " + sizes());
    // A database that has held these rows for months has vacuumed and analysed them; measured right
    // after a bulk load, autovacuum's first pass over millions of rows would run during "before".
    jdbc.sql("vacuum analyze").update();
    jdbc.sql("checkpoint").update();
    load.transitionsPerSecond(STARTERS, Duration.ofSeconds(30), null); // warm-up after the load
    double before = load.transitionsPerSecond(STARTERS, Duration.ofSeconds(20), null);
    var job =
        new RetentionJob(
            new DirectConnections(dataSource, new MockEnvironment()),
            new RetentionProperties(
                Duration.ofDays(90),
                Duration.ofMinutes(1),
                true,
                7,
                2000,
                Duration.ofMillis(200),
                WORK_SHARE));
    RetentionRun[] outcome = new RetentionRun[1];
    double during;
    try (var pool = Executors.newSingleThreadExecutor()) {
      Future<?> running = pool.submit(() -> outcome[0] = job.run(Instant.now()));
      during = load.transitionsPerSecond(STARTERS, null, running);
      running.get();
    }
    double after = load.transitionsPerSecond(STARTERS, Duration.ofSeconds(20), null);
    var r = outcome[0];
    report.add(
        ("RESULT retention_run work_share=%.2f seconds=%.1f executions_deleted=%d executions_moved=%d"
                + " partitions_dropped=%d partitions_left=%d %s")
            .formatted(
                WORK_SHARE,
                r.took().toMillis() / 1000.0,
                r.executionsDeleted(),
                r.executionsMoved(),
                r.partitionsDropped(),
                r.partitionsLeft(),
                r.phases()));
    report.add("RESULT retention_size after " + sizes());
    report.add(
        ("RESULT retention_throughput pass10 starters=%d transitions_per_s without=%.0f (before)"
                + " / %.0f (after) during_retention=%.0f change_vs_before=%+.1f%%"
                + " change_vs_after=%+.1f%%")
            .formatted(
                STARTERS,
                before,
                after,
                during,
                100 * (during / before - 1),
                100 * (during / after - 1)));
    return report;
  }

  /** Back-dated executions, one day's at a time, in the partitions of their start days. */
  private void loadOldExecutions() {
    int perDay = EXECUTIONS / DAYS;
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    for (int d = 100; d < 100 + DAYS; d++) {
      LocalDate day = today.minusDays(d);
      Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
      String partition = "history_event_p" + day.toString().replace("-", "");
      jdbc.sql(
              "create table if not exists %s partition of history_event for values from ('%s') to ('%s')"
                  .formatted(partition, from, from.plus(Duration.ofDays(1))))
          .update();
      int running = d == 100 ? RUNNING : 0;
      jdbc.sql(
              "insert into execution (id, name, state_machine, revision, status, input, output,"
                  + " started_at, stopped_at, last_event_id, last_token_id)"
                  + " select gen_random_uuid(), 'old-' || ?::text || '-' || g, ?, 1,"
                  + " case when g <= ? then 'RUNNING' else 'SUCCEEDED' end,"
                  + " '{\"order\": 12345, \"items\": [1, 2, 3]}',"
                  + " case when g <= ? then null else '{\"order\": 12345, \"total\": 250}' end,"
                  + " t, case when g <= ? then null else t + interval '2 seconds' end, 6, 1"
                  + " from generate_series(1, ?) g,"
                  + " lateral (select ?::timestamptz + g * interval '80 milliseconds' as t) x")
          .params(d, stateMachine, running, running, running, perDay, from.atOffset(ZoneOffset.UTC))
          .update();
      String ofTheDay =
          " where e.started_at >= ?::timestamptz"
              + " and e.started_at < ?::timestamptz + interval '1 day'";
      jdbc.sql(
              "insert into token (execution_id, id, status, output)"
                  + " select e.id, 1, 'SUCCEEDED', e.output from execution e"
                  + ofTheDay)
          .params(from.atOffset(ZoneOffset.UTC), from.atOffset(ZoneOffset.UTC))
          .update();
      jdbc.sql(
              "insert into history_event (execution_id, id, previous_event_id, ts, type, details, bucket)"
                  + " select e.id, k, k - 1, e.started_at + k * interval '300 milliseconds',"
                  + " (array['ExecutionStarted', 'PassStateEntered', 'PassStateExited',"
                  + " 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded'])[k],"
                  + " '{\"name\": \"P' || k || '\", \"input\": \"{\\\"order\\\":12345,"
                  + "\\\"items\\\":[1,2,3]}\", \"inputDetails\": {\"truncated\": false}}',"
                  + " e.started_at from execution e cross join generate_series(1, 6) k"
                  + ofTheDay)
          .params(from.atOffset(ZoneOffset.UTC), from.atOffset(ZoneOffset.UTC))
          .update();
    }
    // Vacuumed now, so that autovacuum on the fresh rows does not run during the first round.
    jdbc.sql("vacuum analyze execution, token, history_event").update();
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  /** Table and index sizes of the tables that grow with executions (partitions summed). */
  private String sizes() {
    var parts = new ArrayList<String>();
    for (String table : List.of("history_event", "execution", "token")) {
      var row =
          jdbc.sql(
                  "select coalesce(sum(pg_table_size(r)), 0), coalesce(sum(pg_indexes_size(r)), 0),"
                      + " count(*) - 1 from (select relid as r from pg_partition_tree(?::regclass)"
                      + " union select ?::regclass) t")
              .params(table, table)
              .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
              .single();
      parts.add(
          "%s_table_mib=%d %s_index_mib=%d%s"
              .formatted(
                  table,
                  row[0] >> 20,
                  table,
                  row[1] >> 20,
                  table.equals("history_event") ? " history_partitions=" + row[2] : ""));
    }
    return String.join(" ", parts);
  }
}
