package dev.stepwise.console;

import dev.stepwise.database.TextColumn;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The executions page's rows, filtered by state machine, status, parent and start time, newest
 * first, paged by (start time, id); and an execution's progress (its last event id and status),
 * which the live stream watches. Read-only queries.
 */
@Component
class ExecutionRows {
  private final JdbcClient jdbc;

  ExecutionRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Row(
      String executionId,
      String name,
      String stateMachine,
      int revision,
      String status,
      Instant startedAt,
      Instant stoppedAt,
      String error) {}

  record Filter(
      String stateMachine,
      String status,
      String parent,
      Instant startedAfter,
      Instant startedBefore) {}

  record Page(List<Row> items, String nextPageToken) {}

  record Progress(
      String status, long lastEventId, Instant startedAt, String stateMachine, int revision) {}

  Page list(Filter filter, String pageToken, int limit) {
    var where = new ArrayList<String>();
    var params = new ArrayList<Object>();
    if (filter.stateMachine() != null) {
      where.add("state_machine = ?");
      params.add(filter.stateMachine());
    }
    if (filter.status() != null) {
      where.add("status = ?");
      params.add(filter.status());
    }
    if (filter.parent() != null) {
      where.add("parent_execution_id = ?");
      params.add(UUID.fromString(filter.parent()));
    } else {
      where.add("parent_execution_id is null");
    }
    if (filter.startedAfter() != null) {
      where.add("started_at >= ?");
      params.add(filter.startedAfter().atOffset(ZoneOffset.UTC));
    }
    if (filter.startedBefore() != null) {
      where.add("started_at < ?");
      params.add(filter.startedBefore().atOffset(ZoneOffset.UTC));
    }
    if (pageToken != null) {
      where.add("(started_at, id) < (?, ?)");
      params.addAll(cursor(pageToken));
    }
    params.add(limit + 1);
    var rows =
        jdbc.sql(
                "select id, name, state_machine, revision, status, started_at, stopped_at, error"
                    + " from execution where "
                    + String.join(" and ", where)
                    + " order by started_at desc, id desc limit ?")
            .params(params)
            .query(ExecutionRows::row)
            .list();
    if (rows.size() <= limit) return new Page(rows, null);
    rows = rows.subList(0, limit);
    Row last = rows.getLast();
    String token = last.startedAt() + "|" + last.executionId();
    return new Page(
        rows,
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(token.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Object> cursor(String pageToken) {
    try {
      String[] cursor =
          new String(Base64.getUrlDecoder().decode(pageToken), StandardCharsets.UTF_8).split("\\|");
      return List.of(Instant.parse(cursor[0]).atOffset(ZoneOffset.UTC), UUID.fromString(cursor[1]));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Invalid pageToken '" + pageToken + "'");
    }
  }

  Optional<Progress> progress(UUID executionId) {
    return jdbc.sql(
            "select status, last_event_id, started_at, state_machine, revision"
                + " from execution where id = ?")
        .param(executionId)
        .query(
            (rs, n) ->
                new Progress(
                    rs.getString(1),
                    rs.getLong(2),
                    StateMachineRows.instant(rs, "started_at"),
                    rs.getString(4),
                    rs.getInt(5)))
        .optional();
  }

  /** The definition an execution runs: the revision it started on. */
  Optional<String> definition(String stateMachine, int revision) {
    return jdbc.sql("select definition from state_machine_revision where name = ? and revision = ?")
        .params(stateMachine, revision)
        .query(String.class)
        .optional();
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    return new Row(
        rs.getObject("id").toString(),
        rs.getString("name"),
        rs.getString("state_machine"),
        rs.getInt("revision"),
        rs.getString("status"),
        StateMachineRows.instant(rs, "started_at"),
        StateMachineRows.instant(rs, "stopped_at"),
        TextColumn.decode(rs.getString("error")));
  }
}
