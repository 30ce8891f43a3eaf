package dev.stepwise.execution;

import static dev.stepwise.execution.ExecutionStore.ts;

import dev.stepwise.asl.Json;
import dev.stepwise.database.CarriedWrite;
import dev.stepwise.database.TextColumn;
import dev.stepwise.engine.Event;
import dev.stepwise.engine.Interpreter;
import dev.stepwise.engine.StepContext;
import dev.stepwise.queue.QueuedWork;
import dev.stepwise.statemachine.StateMachines;
import dev.stepwise.task.TaskProperties;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.stereotype.Component;

/**
 * Opens the change of one transaction on an execution's row (the interpreter of its revision, the
 * time, the limits, randomness), and writes what the change accumulated in one statement: its
 * history events (numbered on from the execution's counter) and the execution row's counters and
 * end. One round trip at the end of every transaction, however many states it ran. Only {@link
 * ExecutionTransactions} calls it, so every change (a child's start too) is opened and written
 * here.
 */
@Component
class ExecutionChanges {
  // Task tokens come from it and must not be guessable; otherwise it only jitters retries.
  private static final SecureRandom RANDOM = new SecureRandom();

  private final StateMachines stateMachines;
  // One interpreter per state machine revision, built once: revisions never change.
  private final Map<String, Interpreter> interpreters = new ConcurrentHashMap<>();
  private final JdbcTemplate jdbc;
  private final ApplicationEventPublisher publisher;
  private final Clock clock;
  private final StepContext.Limits limits;
  private final int historyLimit;

  ExecutionChanges(
      StateMachines stateMachines,
      JdbcTemplate jdbc,
      ApplicationEventPublisher publisher,
      Clock clock,
      LimitsProperties limits,
      TaskProperties tasks) {
    this.stateMachines = stateMachines;
    this.jdbc = jdbc;
    this.publisher = publisher;
    this.clock = clock;
    this.limits =
        new StepContext.Limits(
            limits.payloadBytes(),
            tasks.defaultTimeout(),
            limits.statesPerStep(),
            limits.evaluationTimeout());
    this.historyLimit = limits.historyEvents();
  }

  /** A change on an execution row this transaction holds (locked, or just inserted). */
  ExecutionChange open(ExecutionRow row) {
    return new ExecutionChange(
        row,
        interpreter(row.stateMachine(), row.revision()),
        clock.instant(),
        limits,
        historyLimit,
        RANDOM);
  }

  private Interpreter interpreter(String stateMachine, int revision) {
    return interpreters.computeIfAbsent(
        stateMachine + "\u0000" + revision,
        k -> new Interpreter(stateMachines.parsed(stateMachine, revision)));
  }

  /**
   * Writes what a change accumulated: its events (cut to the history limit, see {@link
   * ExecutionChange#trimHistoryTo}), the counters, and the after-commit news. A new execution's row
   * ({@code inserting}) is inserted by the same statement, as the change leaves it.
   *
   * <p>{@code commits}: nothing follows in the transaction, which was opened for this change, so
   * the statement's round trip carries the {@code COMMIT} too. The driver then finds no transaction
   * open when the transaction manager commits, and sends nothing: one round trip fewer for every
   * transaction of the runtime. A failed statement or commit throws from here, and the transaction
   * is rolled back as any other.
   */
  void flush(ExecutionChange change, boolean inserting, boolean commits) {
    change.trimHistoryTo(historyLimit);
    if (!inserting
        && change.events().isEmpty()
        && change.lastTokenId() == change.execution().lastTokenId()
        && change.carried().isEmpty()
        && change.queuedWithHistory() == null) {
      return;
    }
    write(change, inserting, commits);
    publisher.publishEvent(change.summary());
  }

  /**
   * One statement: the carried writes, the history events (in the execution's partition, see the
   * V16 migration) and the execution's row, updated, or inserted for a new one (whose partition is
   * its start time: a new row has no bucket of its own); it returns the queued insert's ids.
   */
  private void write(ExecutionChange change, boolean inserting, boolean commits) {
    List<Event> events = change.events();
    long firstId = change.execution().lastEventId() + 1;
    int n = events.size();
    var ids = new Long[n];
    var types = new String[n];
    var details = new String[n];
    for (int i = 0; i < n; i++) {
      ids[i] = firstId + i;
      types[i] = events.get(i).type();
      details[i] = Json.write(events.get(i).details());
    }
    var carried = new ArrayList<>(change.carried());
    QueuedWork queued = change.queuedWithHistory();
    if (queued != null) carried.add(queued.insert());
    String returned = returning(queued, carried.size());
    if (inserting) carried.add(ExecutionStore.inserting(change.rowAsWritten()));
    var params = new ArrayList<Object>();
    for (CarriedWrite write : carried) params.addAll(write.params());
    // Events are stamped as they are written, just before the commit that makes them happen:
    // a TaskScheduled's timestamp is when the task became due, not when its step began.
    params.addAll(List.of(change.executionId(), ts(clock.instant())));
    // The partition the history lives in: a new row's start time (it has no bucket of its own),
    // else the row's bucket, read in the statement (see the V16 migration).
    if (inserting) params.add(ts(change.execution().startedAt()));
    params.addAll(List.of(ids, types, details));
    var sql =
        new StringBuilder("with ")
            .append(CarriedWrite.queries(carried))
            .append(carried.isEmpty() ? "" : ", ")
            .append("events as (insert into history_event (execution_id, id, previous_event_id,")
            .append(" ts, type, details, bucket) select ?, e.id, e.id - 1, ?, e.type, e.details, ")
            .append(inserting ? "?::timestamptz" : "b.bucket")
            .append(" from unnest(?::bigint[], ?::text[], ?::text[]) as e(id, type, details)");
    if (inserting) {
      // The row itself rides as a carried write.
      sql.append(")");
    } else {
      sql.append(", (select coalesce(history_bucket, started_at) as bucket from execution")
          .append(" where id = ?) b), updated as (update execution set last_event_id = ?,")
          .append(" last_token_id = ?");
      params.add(change.executionId());
      params.add(firstId - 1 + n);
      params.add(change.lastTokenId());
      var ending = change.ending();
      if (ending != null) {
        sql.append(", status = ?, output = ?, error = ?, cause = ?, stopped_at = ?");
        params.add(ending.status().name());
        params.add(ending.output());
        params.add(TextColumn.encode(ending.error()));
        params.add(TextColumn.encode(ending.cause()));
        params.add(ts(change.now()));
      }
      sql.append(" where id = ?)");
      params.add(change.executionId());
    }
    sql.append(' ').append(returned).append(commits ? "; commit" : "");
    List<Long> inserted = run(sql.toString(), params);
    if (queued != null) queued.inserted(inserted);
  }

  /**
   * Writes now, in one statement, what was to ride with the history (the carried writes and the
   * queued insert), for writes of the change that must come after them.
   */
  void writeCarried(ExecutionChange change) {
    var carried = new ArrayList<>(change.carried());
    QueuedWork queued = change.queuedWithHistory();
    if (queued != null) carried.add(queued.insert());
    if (carried.isEmpty()) return;
    var params = new ArrayList<Object>();
    for (CarriedWrite write : carried) params.addAll(write.params());
    List<Long> inserted =
        run(
            "with " + CarriedWrite.queries(carried) + " " + returning(queued, carried.size()),
            params);
    if (queued != null) queued.inserted(inserted);
    change.carriedWritten();
  }

  /** The statement's last query: the ids of the queued insert, the carried write at {@code at}. */
  private static String returning(QueuedWork queued, int at) {
    return queued == null
        ? "select null::bigint[]"
        : "select array(select id from carried" + at + ")";
  }

  /**
   * Runs {@code sql}, whose first result is one array of ids or null, and returns them in ascending
   * order (none for null). Through {@code execute}: with the commit riding along, the statement has
   * two results, which a query would refuse.
   */
  private List<Long> run(String sql, List<Object> params) {
    return jdbc.execute(
        sql,
        (PreparedStatementCallback<List<Long>>)
            statement -> {
              new ArgumentPreparedStatementSetter(params.toArray()).setValues(statement);
              statement.execute();
              try (ResultSet result = statement.getResultSet()) {
                result.next();
                var ids = result.getArray(1);
                return ids == null
                    ? List.of()
                    : Arrays.stream((Long[]) ids.getArray()).sorted().toList();
              }
            });
  }
}
