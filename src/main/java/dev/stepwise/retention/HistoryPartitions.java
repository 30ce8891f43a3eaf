package dev.stepwise.retention;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The daily range partitions of {@code history_event} (named {@code history_event_pYYYYMMDD}, one
 * per UTC day of the history bucket), created ahead and dropped when the retention job found them
 * empty of executions. Works on the job's own connection.
 */
final class HistoryPartitions {
  private static final Pattern NAME = Pattern.compile("history_event_p(\\d{8})");
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

  /** One day's partition: buckets from {@code day} 00:00 UTC to the next day's. */
  record Partition(String name, LocalDate day) {
    java.time.Instant from() {
      return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    java.time.Instant to() {
      return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static Partition of(LocalDate day) {
      return new Partition("history_event_p" + DAY.format(day), day);
    }
  }

  private final Connection connection;
  private final JdbcClient jdbc;
  private final Duration lockTimeout;

  HistoryPartitions(Connection connection, JdbcClient jdbc, Duration lockTimeout) {
    this.connection = connection;
    this.jdbc = jdbc;
    this.lockTimeout = lockTimeout;
  }

  /** The day partitions there are, oldest first. */
  List<Partition> list() {
    return jdbc
        .sql(
            "select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid"
                + " where i.inhparent = 'history_event'::regclass order by c.relname")
        .query(String.class)
        .list()
        .stream()
        .map(NAME::matcher)
        .filter(java.util.regex.Matcher::matches)
        .map(m -> Partition.of(LocalDate.parse(m.group(1), DAY)))
        .toList();
  }

  /**
   * Creates the missing partitions from {@code first} to {@code last}. A partition is created on
   * its own and then attached: attaching takes a SHARE UPDATE EXCLUSIVE lock on the history table,
   * which writers do not wait for, where {@code CREATE TABLE … PARTITION OF} would take an
   * exclusive one.
   */
  int createMissing(LocalDate first, LocalDate last) throws SQLException {
    var existing = list();
    int created = 0;
    for (var day = first; !day.isAfter(last); day = day.plusDays(1)) {
      var partition = Partition.of(day);
      if (existing.contains(partition)) continue;
      try {
        create(partition);
      } catch (org.springframework.dao.DataAccessException e) {
        // Partitions are also kept ahead outside the job's lock (see RetentionSchedule): another
        // replica may have made this one in the meantime, which is all that was wanted.
        if (!list().contains(partition)) throw e;
        continue;
      }
      created++;
    }
    return created;
  }

  private void create(Partition partition) throws SQLException {
    inTransaction(
        () -> {
          limitLockWait();
          jdbc.sql(
                  "create table "
                      + partition.name()
                      + " (like history_event including defaults including constraints)")
              .update();
          jdbc.sql(
                  "alter table history_event attach partition "
                      + partition.name()
                      + " for values from ('"
                      + partition.from()
                      + "') to ('"
                      + partition.to()
                      + "')")
              .update();
        });
  }

  /** Whether any execution still has its history in the partition. */
  boolean inUse(Partition partition) {
    return jdbc.sql(
            "select exists (select 1 from execution where coalesce(history_bucket, started_at) >= ?"
                + " and coalesce(history_bucket, started_at) < ?)")
        .params(Sql.ts(partition.from()), Sql.ts(partition.to()))
        .query(Boolean.class)
        .single();
  }

  /**
   * Drops a partition no execution uses any more. Dropping a partition takes an exclusive lock on
   * the history table for an instant, but waiting for it would queue every writer behind the drop;
   * so the wait is bounded ({@code lock_timeout}) and a drop that times out is tried again on the
   * next run. Returns whether it was dropped.
   */
  boolean drop(Partition partition) throws SQLException {
    try {
      inTransaction(
          () -> {
            limitLockWait();
            jdbc.sql("drop table " + partition.name()).update();
          });
      return true;
    } catch (org.springframework.dao.DataAccessException e) {
      if (isLockTimeout(e)) return false;
      throw e;
    }
  }

  private void limitLockWait() {
    jdbc.sql("select set_config('lock_timeout', ?, true)")
        .param(Math.max(1, lockTimeout.toMillis()) + "ms")
        .query()
        .singleRow();
  }

  private static boolean isLockTimeout(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && "55P03".equals(s.getSQLState())) return true;
    }
    return false;
  }

  private void inTransaction(Runnable work) throws SQLException {
    Transactions.run(connection, work);
  }
}
