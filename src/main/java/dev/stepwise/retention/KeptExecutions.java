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
 * Executions whose history lies in a partition that is due to be dropped but that must be kept:
 * still running, or closed and kept longer by their state machine's retention. Each is moved, with
 * its history, to a newer bucket, so the old partition can go. A running one moves to today's; a
 * closed one to the day its retention ends less the default period, so that it is due when it
 * expires (but no later than today, as partitions reach only a few days ahead: a state machine that
 * keeps executions many periods long has them moved once per period). Moves are rare (executions
 * that run longer than the retention period, or state machines that keep theirs longer), and each
 * is a short transaction on a few locked rows.
 */
final class KeptExecutions {
  /** Few per transaction: each may carry up to the history limit of events. */
  private static final int BATCH = 50;

  private final Connection connection;
  private final JdbcClient jdbc;
  private final Duration period;
  private final double workShare;

  KeptExecutions(Connection connection, JdbcClient jdbc, RetentionProperties properties) {
    this.connection = connection;
    this.jdbc = jdbc;
    this.period = properties.period();
    this.workShare = properties.workShare();
  }

  private record Move(UUID id, OffsetDateTime from, OffsetDateTime to) {}

  /** Moves every execution with a bucket before {@code dueBefore}, batch after batch. */
  long moveAll(Instant now, Instant dueBefore) throws SQLException {
    long moved = 0;
    while (true) {
      var batch = new ArrayList<Move>();
      Transactions.paced(connection, workShare, () -> batch.addAll(moveBatch(now, dueBefore)));
      moved += batch.size();
      if (batch.size() < BATCH) return moved;
    }
  }

  private List<Move> moveBatch(Instant now, Instant dueBefore) {
    // Expired executions are left to ExpiredExecutions (one that is locked now is deleted on a
    // later run); whatever else is still in an old bucket is kept, so it moves.
    var moves =
        jdbc.sql(
                "select e.id, coalesce(e.history_bucket, e.started_at) as bucket,"
                    + " case when e.stopped_at is null then ?"
                    + " else least(e.stopped_at + "
                    + Sql.RETENTION
                    + " - make_interval(secs => ?), ?) end as target"
                    + " from execution e left join state_machine s on s.name = e.state_machine"
                    + " where coalesce(e.history_bucket, e.started_at) < ?"
                    + " and (e.stopped_at is null or e.stopped_at > ? - "
                    + Sql.RETENTION
                    + ") limit ? for update of e skip locked")
            .params(
                Sql.ts(now),
                period.toSeconds(),
                period.toSeconds(),
                Sql.ts(now),
                Sql.ts(dueBefore),
                Sql.ts(now),
                period.toSeconds(),
                BATCH)
            .query(
                (rs, i) ->
                    new Move(
                        rs.getObject("id", UUID.class),
                        rs.getObject("bucket", OffsetDateTime.class),
                        rs.getObject("target", OffsetDateTime.class)))
            .list();
    for (var move : moves) {
      // The execution's lock is held: no step writes its history meanwhile.
      jdbc.sql("update history_event set bucket = ? where execution_id = ? and bucket = ?")
          .params(move.to(), move.id(), move.from())
          .update();
      jdbc.sql("update execution set history_bucket = ? where id = ?")
          .params(move.to(), move.id())
          .update();
    }
    return moves;
  }
}
