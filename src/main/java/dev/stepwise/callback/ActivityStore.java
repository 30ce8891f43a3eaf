package dev.stepwise.callback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Registered activities, and the activity tasks waiting in {@code task_callback} for a worker. */
@Component
class ActivityStore {
  // Region and account mean nothing here; Task states may name any (activities match by name).
  private static final String ARN_PREFIX = "arn:aws:states:local:000000000000:activity:";

  private final JdbcClient jdbc;

  ActivityStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Registers an activity; false when it already was. */
  boolean register(String name, Instant now) {
    return jdbc.sql("insert into activity (name, created_at) values (?, ?) on conflict do nothing")
            .params(name, now.atOffset(ZoneOffset.UTC))
            .update()
        == 1;
  }

  void delete(String name) {
    jdbc.sql("delete from activity where name = ?").param(name).update();
  }

  Optional<ActivityView> find(String name) {
    return jdbc.sql("select name, created_at from activity where name = ?")
        .param(name)
        .query(ActivityStore::view)
        .optional();
  }

  /** Activities in name order, after {@code after} (null: from the first). */
  List<ActivityView> list(String after, int limit) {
    return jdbc.sql(
            "select name, created_at from activity where (?::text is null or name > ?)"
                + " order by name limit ?")
        .params(after, after, limit)
        .query(ActivityStore::view)
        .list();
  }

  /** The oldest tasks of a running execution that no worker took yet. */
  List<Candidate> waiting(String activity, int limit) {
    return jdbc.sql(
            "select c.task_token, c.execution_id from task_callback c"
                + " join execution e on e.id = c.execution_id and e.status = 'RUNNING'"
                + " where c.activity = ? and c.worker is null and c.closed_at is null"
                + " order by c.created_at limit ?")
        .params(activity, limit)
        .query((rs, i) -> new Candidate(rs.getString(1), rs.getObject(2, UUID.class)))
        .list();
  }

  record Candidate(String taskToken, UUID executionId) {}

  /**
   * Gives a waiting task to {@code worker}; returns its input, or empty when another worker took it
   * first. Callers hold the execution's lock, so two claims of one task run one after the other.
   */
  Optional<String> claim(String taskToken, String worker) {
    return jdbc.sql(
            "update task_callback set worker = ?, started = true"
                + " where task_token = ? and worker is null and closed_at is null returning input")
        .params(worker, taskToken)
        .query(String.class)
        .optional();
  }

  private static ActivityView view(ResultSet rs, int row) throws SQLException {
    String name = rs.getString("name");
    return new ActivityView(
        name, ARN_PREFIX + name, rs.getObject("created_at", OffsetDateTime.class).toInstant());
  }
}
