package dev.stepwise.console;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The state machines page's rows: each state machine with its running executions and the outcome of
 * its latest one, searched by name (one read-only query; the REST API lists names only).
 */
@Component
class StateMachineRows {
  private final JdbcClient jdbc;

  StateMachineRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Row(
      String name,
      int revision,
      Instant updatedAt,
      long running,
      String lastStatus,
      String lastExecutionId,
      Instant lastStartedAt) {}

  record Page(List<Row> items, Integer nextOffset) {}

  Page search(String text, int offset, int limit) {
    String pattern = "%" + (text == null ? "" : like(text.strip())) + "%";
    var rows =
        jdbc.sql(
                "select s.name, s.revision, s.updated_at,"
                    + " (select count(*) from execution e where e.state_machine = s.name"
                    + "   and e.status = 'RUNNING' and e.parent_execution_id is null) as running,"
                    + " l.status as last_status, l.id as last_id, l.started_at as last_started"
                    + " from state_machine s left join lateral (select e.status, e.id, e.started_at"
                    + "   from execution e where e.state_machine = s.name"
                    + "   and e.parent_execution_id is null"
                    + "   order by e.started_at desc, e.id desc limit 1) l on true"
                    + " where s.deleted_at is null and s.name ilike ? escape '\\'"
                    + " order by s.name limit ? offset ?")
            .params(pattern, limit + 1, offset)
            .query(StateMachineRows::row)
            .list();
    if (rows.size() <= limit) return new Page(rows, null);
    return new Page(rows.subList(0, limit), offset + limit);
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    Object lastId = rs.getObject("last_id");
    return new Row(
        rs.getString("name"),
        rs.getInt("revision"),
        instant(rs, "updated_at"),
        rs.getLong("running"),
        rs.getString("last_status"),
        lastId == null ? null : lastId.toString(),
        instant(rs, "last_started"));
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    var time = rs.getObject(column, OffsetDateTime.class);
    return time == null ? null : time.toInstant();
  }

  static String like(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
