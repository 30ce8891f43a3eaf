package dev.stepwise.children;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The concurrency and tolerated failures UpdateMapRun last gave each map run, kept for as long as
 * the execution: while a map run runs, its forking token's plan holds them for the engine; once it
 * ended, only these rows do. A map run that was never updated has none: its {@code MapRunStarted}
 * event holds what it runs with.
 */
@Component
public class MapRunSettings {
  private final JdbcClient jdbc;

  MapRunSettings(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A map run's settings; a null tolerance was never set. */
  public record Setting(
      int maxConcurrency, Long toleratedFailureCount, Double toleratedFailurePercentage) {}

  /** Records a map run's settings, in the transaction that updated its plan. */
  void save(UUID execution, int run, Setting setting, Instant at) {
    jdbc.sql(
            "insert into map_run_setting (execution_id, run, max_concurrency,"
                + " tolerated_failure_count, tolerated_failure_percentage, updated_at)"
                + " values (?, ?, ?, ?, ?, ?) on conflict (execution_id, run) do update set"
                + " max_concurrency = excluded.max_concurrency,"
                + " tolerated_failure_count = excluded.tolerated_failure_count,"
                + " tolerated_failure_percentage = excluded.tolerated_failure_percentage,"
                + " updated_at = excluded.updated_at")
        .params(
            execution,
            run,
            setting.maxConcurrency(),
            setting.toleratedFailureCount(),
            setting.toleratedFailurePercentage(),
            at.atOffset(ZoneOffset.UTC))
        .update();
  }

  /** The settings of the updated map runs of {@code execution}, by run number. */
  public Map<Integer, Setting> of(UUID execution) {
    var settings = new HashMap<Integer, Setting>();
    jdbc.sql(
            "select run, max_concurrency, tolerated_failure_count, tolerated_failure_percentage"
                + " from map_run_setting where execution_id = ?")
        .param(execution)
        .query(
            rs -> {
              settings.put(rs.getInt("run"), setting(rs));
            });
    return settings;
  }

  private static Setting setting(ResultSet rs) throws SQLException {
    return new Setting(
        rs.getInt("max_concurrency"),
        rs.getObject("tolerated_failure_count", Long.class),
        rs.getObject("tolerated_failure_percentage", Double.class));
  }
}
