package dev.stepwise.retention;

import dev.stepwise.database.DirectConnections;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Removes closed executions past their retention and keeps the history partitions in shape. One
 * run, on one replica at a time:
 *
 * <ol>
 *   <li>creates the day partitions from the oldest not yet due to {@code daysAhead} days ahead;
 *   <li>deletes the expired executions, a batch per transaction ({@link ExpiredExecutions});
 *   <li>moves the executions still kept out of the partitions that are due ({@link
 *       KeptExecutions});
 *   <li>drops every due partition no execution uses any more.
 * </ol>
 *
 * A partition is due once the default period has passed since its day ended: every execution that
 * started that day and closed by then has expired, unless its state machine keeps executions
 * longer. So a partition drop takes away its day's history at once, and the only history deleted or
 * moved row by row is that of the exceptions: executions that ran longer than the period, and state
 * machines with a retention of their own.
 *
 * <p>Only one replica runs the job at a time: it holds a PostgreSQL advisory lock ({@code
 * pg_try_advisory_lock}) on a connection of its own for the whole run, and a replica that does not
 * get the lock skips its run. The lock belongs to the connection rather than to a transaction: the
 * run is many short transactions (no lock on rows or tables is held long), and a connection's lock
 * spans them all; it is released when the run ends or, if the replica dies, when its connection
 * closes. Behind a transaction-pooling PgBouncer that connection is the direct one ({@link
 * DirectConnections}), or the lock would not stay with it.
 */
@Component
public class RetentionJob {
  /** The advisory lock's key: any constant no other user of the database takes. */
  static final long LOCK_KEY = 0x5374_6570_5265_7431L;

  private final DirectConnections connections;
  private final RetentionProperties properties;

  /** Public for the benchmark, which runs the job on a connection of its own. */
  public RetentionJob(DirectConnections connections, RetentionProperties properties) {
    this.connections = connections;
    this.properties = properties;
  }

  /** One run as of {@code now}; skipped when another replica (or thread) runs the job. */
  public RetentionRun run(Instant now) {
    long t0 = System.nanoTime();
    try (Connection connection = connections.open("stepwise-retention")) {
      connection.setAutoCommit(true);
      var jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
      if (!jdbc.sql("select pg_try_advisory_lock(?)")
          .param(LOCK_KEY)
          .query(Boolean.class)
          .single()) {
        return RetentionRun.skipped();
      }
      try {
        return runLocked(connection, jdbc, now, t0);
      } finally {
        jdbc.sql("select pg_advisory_unlock(?)").param(LOCK_KEY).query().singleRow();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("The retention run failed", e);
    }
  }

  /**
   * Only creates the partitions from today to {@code daysAhead} days ahead, without the job's lock:
   * what a replica that does not run the job still does, so that history always has a partition to
   * go to (there is no default partition). Returns how many it created.
   */
  public int keepPartitionsAhead(Instant now) {
    try (Connection connection = connections.open("stepwise-retention")) {
      connection.setAutoCommit(true);
      var jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
      return new HistoryPartitions(connection, jdbc, properties.lockTimeout())
          .createMissing(day(now), day(now).plusDays(properties.daysAhead()));
    } catch (SQLException e) {
      throw new IllegalStateException("Creating history partitions failed", e);
    }
  }

  private RetentionRun runLocked(Connection connection, JdbcClient jdbc, Instant now, long t0)
      throws SQLException {
    Duration period = properties.period();
    Instant dueBefore = day(now.minus(period)).atStartOfDay(ZoneOffset.UTC).toInstant();
    var partitions = new HistoryPartitions(connection, jdbc, properties.lockTimeout());
    var phases = new StringBuilder();
    long t = System.nanoTime();
    int created =
        partitions.createMissing(day(dueBefore), day(now).plusDays(properties.daysAhead()));
    t = phase(phases, "create", t);
    long deleted = new ExpiredExecutions(connection, jdbc, properties).deleteAll(now, dueBefore);
    t = phase(phases, "delete", t);
    long moved = new KeptExecutions(connection, jdbc, properties).moveAll(now, dueBefore);
    t = phase(phases, "move", t);
    int dropped = 0;
    int left = 0;
    for (var partition : partitions.list()) {
      if (partition.to().isAfter(dueBefore)) continue;
      if (!partitions.inUse(partition) && partitions.drop(partition)) dropped++;
      else left++;
    }
    phase(phases, "drop", t);
    return new RetentionRun(
        true,
        created,
        deleted,
        moved,
        dropped,
        left,
        Duration.ofNanos(System.nanoTime() - t0),
        phases.toString().trim());
  }

  private static long phase(StringBuilder phases, String name, long since) {
    long now = System.nanoTime();
    phases.append(" %s_ms=%d".formatted(name, (now - since) / 1_000_000));
    return now;
  }

  private static LocalDate day(Instant instant) {
    return instant.atZone(ZoneOffset.UTC).toLocalDate();
  }
}
