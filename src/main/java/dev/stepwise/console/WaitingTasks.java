package dev.stepwise.console;

import dev.stepwise.asl.Json;
import dev.stepwise.database.TextColumn;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The Task states waiting for an answer (a {@code .waitForTaskToken} callback or an activity
 * worker), oldest first, with the task token that answers them. A callback row not closed may still
 * be over (its execution ended, its branch was cancelled), so the token must still stand where the
 * row says, as in the {@code stepwise.callbacks.open} gauge. What the Task was given: an activity's
 * input, or the parameters its request carried (found by the token they hold), or else the input
 * the state was entered with.
 */
@Component
class WaitingTasks {
  private final JdbcClient jdbc;

  WaitingTasks(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Waiting(
      String taskToken,
      String executionId,
      String executionName,
      String stateMachine,
      String state,
      String resource,
      String activity,
      String worker,
      Object input,
      Instant since) {}

  record Page(List<Waiting> items, Integer nextOffset) {}

  Page list(String stateMachine, int offset, int limit) {
    var rows =
        jdbc.sql(
                "select c.task_token, c.execution_id, e.name as execution_name, c.state_machine,"
                    + " c.state_name, c.resource, c.activity, c.worker, c.input, c.created_at,"
                    + " (select h.details from history_event h where h.execution_id = c.execution_id"
                    + "   and h.type = 'TaskScheduled' and h.ts >= c.created_at"
                    + "   and position(c.task_token in h.details) > 0 order by h.id limit 1)"
                    + "   as scheduled,"
                    + " (select h.details from history_event h where h.execution_id = c.execution_id"
                    + "   and h.type = 'TaskStateEntered' and h.ts >= c.created_at"
                    + "   order by h.id limit 1) as entered"
                    + " from task_callback c"
                    + " join execution e on e.id = c.execution_id and e.status = 'RUNNING'"
                    + " join token t on t.execution_id = c.execution_id and t.id = c.token_id"
                    + "  and t.version = c.token_version and t.status = 'ACTIVE'"
                    + " where c.closed_at is null and (cast(? as text) is null or c.state_machine = ?)"
                    + " order by c.created_at, c.task_token limit ? offset ?")
            .params(stateMachine, stateMachine, limit + 1, offset)
            .query(WaitingTasks::row)
            .list();
    if (rows.size() <= limit) return new Page(rows, null);
    return new Page(rows.subList(0, limit), offset + limit);
  }

  private static Waiting row(ResultSet rs, int n) throws SQLException {
    Object input = null;
    String activityInput = rs.getString("input");
    if (activityInput != null) {
      input = Json.parse(activityInput);
    } else if (rs.getString("scheduled") != null
        && Json.parse(rs.getString("scheduled")) instanceof Map<?, ?> scheduled) {
      input = scheduled.get("parameters");
    } else if (rs.getString("entered") != null
        && Json.parse(rs.getString("entered")) instanceof Map<?, ?> entered) {
      input = entered.get("input");
    }
    return new Waiting(
        rs.getString("task_token"),
        rs.getObject("execution_id").toString(),
        rs.getString("execution_name"),
        rs.getString("state_machine"),
        TextColumn.decode(rs.getString("state_name")),
        TextColumn.decode(rs.getString("resource")),
        rs.getString("activity"),
        rs.getString("worker"),
        input,
        StateMachineRows.instant(rs, "created_at"));
  }
}
