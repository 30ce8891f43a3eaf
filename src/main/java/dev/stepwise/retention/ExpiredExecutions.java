package dev.stepwise.retention;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deletes closed executions past their retention, a batch per short transaction: the execution row
 * and what hangs off it (tokens, task tokens, leftover work items). Their history goes with its
 * partition when that is dropped; only an execution whose partition is not due yet (its state
 * machine keeps executions for less than the default period) has its events deleted here.
 */
final class ExpiredExecutions {
  private final Connection connection;
  private final JdbcClient jdbc;
  private final Duration period;
  private final int batchSize;
  private final double workShare;

  ExpiredExecutions(Connection connection, JdbcClient jdbc, RetentionProperties properties) {
    this.connection = connection;
    this.jdbc = jdbc;
    this.period = properties.period();
    this.batchSize = properties.batchSize();
    this.workShare = properties.workShare();
  }

  private record Doomed(UUID id, OffsetDateTime bucket) {}

  /**
   * Deletes the expired executions, batch after batch, until none is left. {@code dueBefore}: the
   * history of executions in buckets before it lies in partitions about to be dropped.
   */
  long deleteAll(Instant now, Instant dueBefore) throws SQLException {
    long shortest = shortestRetentionSeconds();
    long deleted = 0;
    while (true) {
      var batch = new ArrayList<Doomed>();
      Transactions.paced(
          connection, workShare, () -> batch.addAll(deleteBatch(now, dueBefore, shortest)));
      deleted += batch.size();
      if (batch.size() < batchSize) return deleted;
    }
  }

  /** The shortest period any execution is kept: no execution that closed since then expired. */
  private long shortestRetentionSeconds() {
    long seconds = period.toSeconds();
    long days =
        jdbc.sql("select coalesce(min(retention_days), 0) from state_machine")
            .query(Long.class)
            .single();
    return days == 0 ? seconds : Math.min(seconds, days * 86_400L);
  }

  private List<Doomed> deleteBatch(Instant now, Instant dueBefore, long shortest) {
    // Locked, and skipped while a step or a redrive holds them: a redrive that wins keeps its
    // execution (no longer closed, it is left alone), one that loses finds it gone.
    var doomed =
        jdbc.sql(
                "select e.id, coalesce(e.history_bucket, e.started_at) as bucket from execution e"
                    + " left join state_machine s on s.name = e.state_machine"
                    + " where e.stopped_at is not null and e.stopped_at <= ?"
                    + " and e.stopped_at <= ? - "
                    + Sql.RETENTION
                    + " limit ? for update of e skip locked")
            .params(Sql.ts(now.minusSeconds(shortest)), Sql.ts(now), period.toSeconds(), batchSize)
            .query(
                (rs, i) ->
                    new Doomed(
                        rs.getObject("id", UUID.class),
                        rs.getObject("bucket", OffsetDateTime.class)))
            .list();
    if (doomed.isEmpty()) return doomed;
    var ids = doomed.stream().map(Doomed::id).toArray(UUID[]::new);
    for (var d : doomed) {
      if (!d.bucket().toInstant().isBefore(dueBefore)) {
        jdbc.sql("delete from history_event where execution_id = ? and bucket = ?")
            .params(d.id(), d.bucket())
            .update();
      }
    }
    jdbc.sql("delete from token where execution_id = any(?)").param(ids).update();
    jdbc.sql("delete from task_callback where execution_id = any(?)").param(ids).update();
    jdbc.sql("delete from work_item where execution_id = any(?)").param(ids).update();
    jdbc.sql("delete from execution where id = any(?)").param(ids).update();
    return doomed;
  }
}
