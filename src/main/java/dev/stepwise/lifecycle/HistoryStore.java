package dev.stepwise.lifecycle;

import dev.stepwise.asl.Json;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** History events, read back a page at a time (they are written by {@link ChangeWriter}). */
@Component
class HistoryStore {
  /** The execution's history partition, so the read prunes to it (see the V8 migration). */
  static final String BUCKET =
      "(select coalesce(history_bucket, started_at) from execution where id = ?)";

  private final JdbcClient jdbc;

  HistoryStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @SuppressWarnings("unchecked")
  List<HistoryEventView> page(UUID executionId, long from, int size, boolean reverse) {
    String sql =
        reverse
            ? "select id, previous_event_id, ts, type, details from history_event"
                + " where execution_id = ? and bucket = "
                + BUCKET
                + " and id <= ? order by id desc limit ?"
            : "select id, previous_event_id, ts, type, details from history_event"
                + " where execution_id = ? and bucket = "
                + BUCKET
                + " and id >= ? order by id limit ?";
    return jdbc.sql(sql)
        .params(executionId, executionId, from, size)
        .query(
            (rs, i) ->
                new HistoryEventView(
                    rs.getLong("id"),
                    rs.getLong("previous_event_id"),
                    rs.getObject("ts", OffsetDateTime.class).toInstant(),
                    rs.getString("type"),
                    (Map<String, Object>) Json.parseStored(rs.getString("details"))))
        .list();
  }
}
