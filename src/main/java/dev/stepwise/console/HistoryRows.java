package dev.stepwise.console;

import dev.stepwise.asl.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An execution's whole history, oldest first, for folding into the states' statuses. */
@Component
class HistoryRows {
  private final JdbcClient jdbc;

  HistoryRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Event(long id, Instant timestamp, String type, Map<String, Object> details) {}

  @SuppressWarnings("unchecked")
  List<Event> all(UUID executionId) {
    return jdbc.sql(
            "select id, ts, type, details from history_event where execution_id = ? order by id")
        .param(executionId)
        .query(
            (rs, n) ->
                new Event(
                    rs.getLong(1),
                    StateMachineRows.instant(rs, "ts"),
                    rs.getString(3),
                    Json.parse(rs.getString(4)) instanceof Map<?, ?> m
                        ? (Map<String, Object>) m
                        : Map.of()))
        .list();
  }
}
