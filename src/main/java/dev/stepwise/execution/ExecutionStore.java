package dev.stepwise.execution;

import dev.stepwise.database.CarriedWrite;
import dev.stepwise.database.TextColumn;
import dev.stepwise.execution.ExecutionRow.ExecutionStatus;
import dev.stepwise.queue.WorkItem;
import dev.stepwise.statemachine.QualifiedName;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The execution table, in plain SQL (as every table of the service). */
@Component
public class ExecutionStore {

  private static final String COLUMNS =
      "id, name, state_machine, revision, status, input, output, error, cause, started_at,"
          + " stopped_at, redrive_count, last_event_id, last_token_id, parent_execution_id,"
          + " parent_token_id, parent_token_version, map_index, state_machine_version,"
          + " state_machine_alias, started_by, stopped_by, trace_parent, trace_state";

  private final JdbcClient jdbc;

  ExecutionStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The insert of a new execution's row, to carry in the statement that writes its first change
   * (see {@link ExecutionChanges}): nothing in a start's transaction reads the row before that.
   */
  static CarriedWrite inserting(ExecutionRow row) {
    return new CarriedWrite(
        "insert into execution ("
            + COLUMNS
            + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        Arrays.asList(
            row.id(),
            row.name(),
            row.stateMachine(),
            row.revision(),
            row.status().name(),
            row.input(),
            row.output(),
            TextColumn.encode(row.error()),
            TextColumn.encode(row.cause()),
            ts(row.startedAt()),
            ts(row.stoppedAt()),
            row.redriveCount(),
            row.lastEventId(),
            row.lastTokenId(),
            row.parentExecutionId(),
            row.parentTokenId(),
            row.parentTokenVersion(),
            row.mapIndex(),
            row.version(),
            row.alias(),
            row.startedBy(),
            row.stoppedBy(),
            row.traceParent(),
            row.traceState()));
  }

  public Optional<ExecutionRow> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from execution where id = ?")
        .param(id)
        .query(ExecutionStore::map)
        .optional();
  }

  public Optional<ExecutionRow> findByName(String stateMachine, String name) {
    return jdbc.sql("select " + COLUMNS + " from execution where state_machine = ? and name = ?")
        .params(stateMachine, name)
        .query(ExecutionStore::map)
        .optional();
  }

  /**
   * A locked execution and, when asked for, one of its tokens (null when it does not exist); {@code
   * itemCompleted} says whether the work item given to {@link #lockWithToken} was completed in the
   * same statement (null when it was not tried: the token was gone).
   */
  record Locked(ExecutionRow row, TokenRow token, Boolean itemCompleted) {}

  /**
   * Locks the execution row and reads one of its tokens in the same round trip: the start of every
   * step, which needs both. The token row is locked too, and that is what makes its read current: a
   * statement that waited for the execution's lock would otherwise return the token as its snapshot
   * saw it, before the transaction it waited for moved it on, whereas a locked row is read again at
   * its newest version. Every change to a token holds its execution's lock first, so the two locks
   * are always taken in this order.
   *
   * <p>When {@code item} is given (the work item this step completes), the same statement deletes
   * it, guarded by its claim's version as {@link dev.stepwise.queue.WorkQueue#complete} does: one
   * round trip fewer per step. The delete reads the locked rows first ({@code exists (select 1 from
   * e)}), so it runs only once both locks are held, keeping the order execution, then work item,
   * that every other writer of an execution's items follows.
   */
  Optional<Locked> lockWithToken(UUID id, int tokenId, WorkItem item) {
    String locking =
        "select e.*, t.id as t_id, t.parent_id as t_parent_id, t.child_index as t_child_index,"
            + " t.status as t_status, t.position as t_position, t.output as t_output,"
            + " t.open_children as t_open_children, t.version as t_version"
            + " from execution e join token t on t.execution_id = e.id and t.id = ?"
            + " where e.id = ? for update of e, t";
    Optional<Locked> locked;
    if (item == null) {
      locked =
          jdbc.sql(locking)
              .params(tokenId, id)
              .query((rs, i) -> new Locked(map(rs, i), TokenStore.map(rs, "t_"), null))
              .optional();
    } else {
      locked =
          jdbc.sql(
                  "with e as ("
                      + locking
                      + "), done as (delete from work_item where id = ? and version = ?"
                      + " and exists (select 1 from e) returning id)"
                      + " select e.*, (select count(*) from done) as item_done from e")
              .params(tokenId, id, item.id(), item.version())
              .query(
                  (rs, i) ->
                      new Locked(
                          map(rs, i), TokenStore.map(rs, "t_"), rs.getLong("item_done") == 1))
              .optional();
    }
    if (locked.isPresent()) return locked;
    // The token is gone (its fork ended) or the execution does not exist.
    return lock(id).map(row -> new Locked(row, null, null));
  }

  /** Makes this transaction's lock waits fail after {@code wait} instead of waiting on. */
  void limitLockWait(Duration wait) {
    jdbc.sql("select set_config('lock_timeout', ?, true)")
        .param(Math.max(1, wait.toMillis()) + "ms")
        .query()
        .singleRow();
  }

  /** Locks the execution row for this transaction; every change to an execution goes through it. */
  Optional<ExecutionRow> lock(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from execution where id = ? for update")
        .param(id)
        .query(ExecutionStore::map)
        .optional();
  }

  /** Names the caller that stopped the execution, in the stopping transaction. */
  public void recordStopper(UUID id, String stoppedBy) {
    jdbc.sql("update execution set stopped_by = ? where id = ?").params(stoppedBy, id).update();
  }

  void redrive(UUID id) {
    jdbc.sql(
            "update execution set status = 'RUNNING', output = null, error = null, cause = null,"
                + " stopped_at = null, stopped_by = null, redrive_count = redrive_count + 1 where id = ?")
        .param(id)
        .update();
  }

  /**
   * Newest first; {@code after} is the last row of the previous page. Without {@code parent}, every
   * execution but a distributed Map's children (an execution a Task state started is one of its
   * state machine's like any other); with it, that execution's children of either kind. A qualified
   * {@code stateMachine} lists the executions started on that version (directly or through an alias
   * that chose it) or on that alias.
   */
  public List<ExecutionRow> list(
      QualifiedName stateMachine, ExecutionStatus status, UUID parent, Cursor after, int limit) {
    return list(stateMachine, null, status, parent, after, limit);
  }

  /** As the other {@code list}, only of state machines whose names start with {@code prefix}. */
  public List<ExecutionRow> list(
      QualifiedName stateMachine,
      String prefix,
      ExecutionStatus status,
      UUID parent,
      Cursor after,
      int limit) {
    var where = new ArrayList<String>();
    var params = new ArrayList<Object>();
    if (parent == null) {
      where.add("map_index is null");
    } else {
      where.add("parent_execution_id = ?");
      params.add(parent);
    }
    if (stateMachine != null) {
      where.add("state_machine = ?");
      params.add(stateMachine.stateMachine());
      if (stateMachine.namesVersion()) {
        // More digits than a version number holds name no version there is.
        if (stateMachine.qualifier().length() > 9) return List.of();
        where.add("state_machine_version = ?");
        params.add(Integer.parseInt(stateMachine.qualifier()));
      } else if (stateMachine.qualified()) {
        where.add("state_machine_alias = ?");
        params.add(stateMachine.qualifier());
      }
    }
    if (prefix != null) {
      where.add("starts_with(state_machine, ?)");
      params.add(prefix);
    }
    if (status != null) {
      where.add("status = ?");
      params.add(status.name());
    }
    if (after != null) {
      where.add("(started_at, id) < (?, ?)");
      params.add(ts(after.startedAt()));
      params.add(after.id());
    }
    String sql =
        "select "
            + COLUMNS
            + " from execution"
            + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
            + " order by started_at desc, id desc limit ?";
    params.add(limit);
    return jdbc.sql(sql).params(params).query(ExecutionStore::map).list();
  }

  public record Cursor(Instant startedAt, UUID id) {}

  private static ExecutionRow map(ResultSet rs, int row) throws SQLException {
    return new ExecutionRow(
        rs.getObject("id", UUID.class),
        rs.getString("name"),
        rs.getString("state_machine"),
        rs.getInt("revision"),
        ExecutionStatus.valueOf(rs.getString("status")),
        rs.getString("input"),
        rs.getString("output"),
        TextColumn.decode(rs.getString("error")),
        TextColumn.decode(rs.getString("cause")),
        instant(rs, "started_at"),
        instant(rs, "stopped_at"),
        rs.getInt("redrive_count"),
        rs.getLong("last_event_id"),
        rs.getInt("last_token_id"),
        rs.getObject("parent_execution_id", UUID.class),
        (Integer) rs.getObject("parent_token_id"),
        (Integer) rs.getObject("parent_token_version"),
        (Integer) rs.getObject("map_index"),
        (Integer) rs.getObject("state_machine_version"),
        rs.getString("state_machine_alias"),
        rs.getString("started_by"),
        rs.getString("stopped_by"),
        rs.getString("trace_parent"),
        rs.getString("trace_state"));
  }

  /** An instant as a {@code timestamptz} parameter. */
  static OffsetDateTime ts(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
