package dev.stepwise.console;

import dev.stepwise.queue.Backlog;
import dev.stepwise.queue.NodeId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The overview page's figures: executions running, starts and failures over the last hour (in
 * five-minute buckets), the work queue's depth and lag (as the metrics read them), Task states
 * waiting for an answer, and the replicas holding claims on work now.
 */
@Component
class OverviewFigures {
  static final Duration WINDOW = Duration.ofHours(1);
  static final int BUCKETS = 12;

  private final JdbcClient jdbc;
  private final Backlog backlog;
  private final NodeId node;
  private final Clock clock;

  OverviewFigures(JdbcClient jdbc, Backlog backlog, NodeId node, Clock clock) {
    this.jdbc = jdbc;
    this.backlog = backlog;
    this.node = node;
    this.clock = clock;
  }

  record Figures(
      Instant at,
      long running,
      long started,
      long failed,
      List<Bucket> lastHour,
      long queueDepth,
      double queueLagSeconds,
      long waitingTasks,
      String thisNode,
      List<Node> nodes) {}

  /** Five minutes: executions started and executions that failed (or timed out) in it. */
  record Bucket(Instant from, long started, long failed) {}

  /** A replica with live claims: its id, the items it holds, when its latest lease runs out. */
  record Node(String node, long claimed, Instant leaseUntil) {}

  Figures read() {
    Instant now = clock.instant();
    var since = now.minus(WINDOW).atOffset(ZoneOffset.UTC);
    long running =
        jdbc.sql("select count(*) from execution where status = 'RUNNING'")
            .query(Long.class)
            .single();
    var started = new long[BUCKETS];
    var failed = new long[BUCKETS];
    int bucketSeconds = (int) (WINDOW.toSeconds() / BUCKETS);
    jdbc.sql(
            "select floor(extract(epoch from (started_at - ?)) / ?)::int, count(*) from execution"
                + " where started_at >= ? group by 1")
        .params(since, bucketSeconds, since)
        .query(
            rs -> {
              started[Math.clamp(rs.getInt(1), 0, BUCKETS - 1)] += rs.getLong(2);
            });
    jdbc.sql(
            "select floor(extract(epoch from (stopped_at - ?)) / ?)::int, count(*) from execution"
                + " where stopped_at >= ? and status in ('FAILED', 'TIMED_OUT') group by 1")
        .params(since, bucketSeconds, since)
        .query(
            rs -> {
              failed[Math.clamp(rs.getInt(1), 0, BUCKETS - 1)] += rs.getLong(2);
            });
    var buckets = new java.util.ArrayList<Bucket>();
    for (int i = 0; i < BUCKETS; i++) {
      buckets.add(
          new Bucket(
              since.toInstant().plusSeconds((long) i * bucketSeconds), started[i], failed[i]));
    }
    long waiting =
        jdbc.sql(
                "select count(*) from task_callback c"
                    + " join execution e on e.id = c.execution_id and e.status = 'RUNNING'"
                    + " join token t on t.execution_id = c.execution_id and t.id = c.token_id"
                    + "  and t.version = c.token_version and t.status = 'ACTIVE'"
                    + " where c.closed_at is null")
            .query(Long.class)
            .single();
    var nodes =
        jdbc.sql(
                "select claimed_by, count(*), max(lease_until) from work_item"
                    + " where claimed_by is not null and lease_until > ? group by claimed_by"
                    + " order by claimed_by")
            .param(now.atOffset(ZoneOffset.UTC))
            .query(
                (rs, n) ->
                    new Node(rs.getString(1), rs.getLong(2), StateMachineRows.instant(rs, "max")))
            .list();
    var sample = backlog.current();
    return new Figures(
        now,
        running,
        buckets.stream().mapToLong(Bucket::started).sum(),
        buckets.stream().mapToLong(Bucket::failed).sum(),
        buckets,
        sample.due(),
        sample.lag().toMillis() / 1000.0,
        waiting,
        node.value(),
        nodes);
  }
}
