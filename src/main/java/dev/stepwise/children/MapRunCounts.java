package dev.stepwise.children;

import dev.stepwise.execution.ExecutionRow.ExecutionStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The map runs of an execution, read from its child executions: a distributed Map state's children
 * share a run number (the token id of the first child), and the runs are numbered in the order they
 * started, as the parent's {@code MapRunStarted} events are.
 */
@Component
public class MapRunCounts {
  private final JdbcClient jdbc;

  MapRunCounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private static Instant instant(java.time.OffsetDateTime at) {
    return at == null ? null : at.toInstant();
  }

  /** One map run: its number, when its children started and stopped, and how many by status. */
  public record Run(
      int run, Instant firstStart, Instant lastStop, Map<ExecutionStatus, Integer> counts) {

    public int count(ExecutionStatus status) {
      return counts.getOrDefault(status, 0);
    }

    public int started() {
      return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  /** The map runs of the execution {@code parent}, oldest first. */
  public List<Run> runs(UUID parent) {
    var runs = new LinkedHashMap<Integer, Run>();
    jdbc.sql(
            "select parent_token_id - map_index as run, status, count(*) as n,"
                + " min(started_at) as first_start, max(stopped_at) as last_stop"
                + " from execution where parent_execution_id = ? and map_index is not null"
                + " group by 1, 2 order by 1")
        .param(parent)
        .query(
            rs -> {
              int run = rs.getInt("run");
              Run before = runs.get(run);
              var counts =
                  before == null
                      ? new EnumMap<ExecutionStatus, Integer>(ExecutionStatus.class)
                      : before.counts();
              counts.put(ExecutionStatus.valueOf(rs.getString("status")), rs.getInt("n"));
              Instant first = instant(rs.getObject("first_start", java.time.OffsetDateTime.class));
              Instant last = instant(rs.getObject("last_stop", java.time.OffsetDateTime.class));
              if (before != null) {
                if (before.firstStart().isBefore(first)) first = before.firstStart();
                if (last == null || (before.lastStop() != null && before.lastStop().isAfter(last)))
                  last = before.lastStop();
              }
              runs.put(run, new Run(run, first, last, counts));
            });
    return new ArrayList<>(runs.values());
  }
}
