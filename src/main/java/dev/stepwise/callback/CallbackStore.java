package dev.stepwise.callback;

import dev.stepwise.database.TextColumn;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Handed-out task tokens ({@code task_callback}). Writers hold the execution's row lock. */
@Component
class CallbackStore {
  private static final String COLUMNS =
      "task_token, execution_id, token_id, token_version, state_machine, resource,"
          + " heartbeat_seconds, activity, started, closed_at is not null as closed";

  private final JdbcClient jdbc;

  CallbackStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(CallbackRow row, String stateName, String input, Instant now) {
    jdbc.sql(
            "insert into task_callback (task_token, execution_id, token_id, token_version,"
                + " state_machine, state_name, resource, heartbeat_seconds, activity, input,"
                + " created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            row.taskToken(),
            row.executionId(),
            row.tokenId(),
            row.tokenVersion(),
            row.stateMachine(),
            TextColumn.encode(stateName),
            TextColumn.encode(row.resource()),
            row.heartbeatSeconds(),
            row.activity(),
            input,
            now.atOffset(ZoneOffset.UTC))
        .update();
  }

  Optional<CallbackRow> find(String taskToken) {
    return jdbc.sql("select " + COLUMNS + " from task_callback where task_token = ?")
        .param(taskToken)
        .query(CallbackStore::map)
        .optional();
  }

  void markStarted(String taskToken) {
    jdbc.sql("update task_callback set started = true where task_token = ?")
        .param(taskToken)
        .update();
  }

  void close(String taskToken, Instant now) {
    jdbc.sql("update task_callback set closed_at = ? where task_token = ? and closed_at is null")
        .params(now.atOffset(ZoneOffset.UTC), taskToken)
        .update();
  }

  /** Closes every open callback of an execution that ends (stopped, timed out, finished). */
  void closeExecution(java.util.UUID executionId, Instant now) {
    jdbc.sql("update task_callback set closed_at = ? where execution_id = ? and closed_at is null")
        .params(now.atOffset(ZoneOffset.UTC), executionId)
        .update();
  }

  /**
   * Callbacks still waiting, per state machine. A row not closed may still be over: its execution
   * stopped or its token moved on without an answer (a failed request, a cancelled branch), so the
   * join checks that the token still waits at the row's version.
   */
  Map<String, Long> openCounts() {
    var counts = new LinkedHashMap<String, Long>();
    jdbc.sql(
            "select c.state_machine, count(*) from task_callback c"
                + " join execution e on e.id = c.execution_id and e.status = 'RUNNING'"
                + " join token t on t.execution_id = c.execution_id and t.id = c.token_id"
                + " and t.version = c.token_version and t.status = 'ACTIVE'"
                + " where c.closed_at is null group by c.state_machine")
        .query(
            (ResultSet rs) -> {
              counts.put(rs.getString(1), rs.getLong(2));
            });
    return counts;
  }

  private static CallbackRow map(ResultSet rs, int row) throws SQLException {
    return new CallbackRow(
        rs.getString("task_token"),
        rs.getObject("execution_id", UUID.class),
        rs.getInt("token_id"),
        rs.getInt("token_version"),
        rs.getString("state_machine"),
        TextColumn.decode(rs.getString("resource")),
        (Integer) rs.getObject("heartbeat_seconds"),
        rs.getString("activity"),
        rs.getBoolean("started"),
        rs.getBoolean("closed"));
  }
}
