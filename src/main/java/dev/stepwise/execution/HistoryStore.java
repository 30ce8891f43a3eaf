package dev.stepwise.execution;

import static dev.stepwise.execution.Sql.instant;
import static dev.stepwise.execution.Sql.ts;

import dev.stepwise.asl.Json;
import dev.stepwise.engine.Event;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** History events: appended in one statement per step, read back a page at a time. */
@Component
class HistoryStore {
  private final JdbcClient jdbc;

  HistoryStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Writes the first event of an execution created inside another's transaction (a distributed
   * Map's child, whose row already counts that event).
   */
  void appendFirst(UUID executionId, Event event, java.time.Instant now) {
    jdbc.sql(
            "insert into history_event (execution_id, id, previous_event_id, ts, type, details)"
                + " values (?, 1, 0, ?, ?, ?)")
        .params(executionId, ts(now), event.type(), Json.write(event.details()))
        .update();
  }

  @SuppressWarnings("unchecked")
  List<HistoryEventView> page(UUID executionId, long from, int size, boolean reverse) {
    String sql =
        reverse
            ? "select id, previous_event_id, ts, type, details from history_event"
                + " where execution_id = ? and id <= ? order by id desc limit ?"
            : "select id, previous_event_id, ts, type, details from history_event"
                + " where execution_id = ? and id >= ? order by id limit ?";
    return jdbc.sql(sql)
        .params(executionId, from, size)
        .query(
            (rs, i) ->
                new HistoryEventView(
                    rs.getLong("id"),
                    rs.getLong("previous_event_id"),
                    instant(rs, "ts"),
                    rs.getString("type"),
                    (Map<String, Object>) Json.parse(rs.getString("details"))))
        .list();
  }
}
