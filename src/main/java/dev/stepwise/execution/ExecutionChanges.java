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
import org.springframework.jdbc.core.simple.JdbcClient;
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
  private final JdbcClient jdbc;
  private final JdbcTemplate jdbcTemplate;
  private final ApplicationEventPublisher publisher;
  private final Clock clock;
  private final StepContext.Limits limits;
  private final int historyLimit;

  ExecutionChanges(
      StateMachines stateMachines,
      JdbcClient jdbc,
      JdbcTemplate jdbcTemplate,
      ApplicationEventPublisher publisher,
      Clock clock,
      LimitsProperties limits,
      TaskProperties tasks) {
    this.stateMachines = stateMachines;
    this.jdbc = jdbc;
    this.jdbcTemplate = jdbcTemplate;
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
    write(change, inserting, commits ? "; commit" : "");
    publisher.publishEvent(change.summary());
  }

  /**
   * One statement: the carried writes, the history events (in the execution's partition, see the
   * V16 migration) and the execution's row, updated, or inserted for a new one (whose partition is
   * its start time: a new row has no bucket of its own).
   */
  private void write(ExecutionChange change, boolean inserting, String then) {
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
    // The queued insert's query, whose ids the statement returns.
    String queuedIds =
        queued == null ? null : "select array(select id from carried" + carried.size() + ")";
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
    String history =
        "insert into history_event (execution_id, id, previous_event_id, ts, type, details, bucket)"
            + " select ?, e.id, e.id - 1, ?, e.type, e.details, "
            + (inserting ? "?::timestamptz" : "b.bucket")
            + " from unnest(?::bigint[], ?::text[], ?::text[]) as e(id, type, details)"
            + (inserting
                ? ""
                : ", (select coalesce(history_bucket, started_at) as bucket from execution"
                    + " where id = ?) b");
    String with = carried.isEmpty() ? "with " : "with " + CarriedWrite.queries(carried) + ", ";
    if (inserting) {
      // The row itself rides as a carried write: the history is the statement.
      if (queued == null) {
        jdbc.sql("with " + CarriedWrite.queries(carried) + " " + history + then)
            .params(params)
            .update();
      } else {
        queued.inserted(ids(with + "events as (" + history + ") " + queuedIds + then, params));
      }
      return;
    }
    params.add(change.executionId());
    params.add(firstId - 1 + n);
    params.add(change.lastTokenId());
    var ending = change.ending();
    String end = "";
    if (ending != null) {
      end = ", status = ?, output = ?, error = ?, cause = ?, stopped_at = ?";
      params.add(ending.status().name());
      params.add(ending.output());
      params.add(TextColumn.encode(ending.error()));
      params.add(TextColumn.encode(ending.cause()));
      params.add(ts(change.now()));
    }
    params.add(change.executionId());
    String update =
        "update execution set last_event_id = ?, last_token_id = ?" + end + " where id = ?";
    if (queued == null) {
      jdbc.sql(with + "events as (" + history + ") " + update + then).params(params).update();
    } else {
      queued.inserted(
          ids(
              with + "events as (" + history + "), updated as (" + update + ") " + queuedIds + then,
              params));
    }
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
    String with = "with " + CarriedWrite.queries(carried) + " ";
    if (queued == null) {
      jdbc.sql(with + "select 1").params(params).query().singleRow();
    } else {
      queued.inserted(
          ids(with + "select array(select id from carried" + carried.size() + ")", params));
    }
    change.carriedWritten();
  }

  /**
   * Runs {@code sql}, whose first result is one array of ids (a queued insert's), and returns them
   * in ascending order. Through {@code execute}: with the commit riding along, the statement has
   * two results, which a query would refuse.
   */
  private List<Long> ids(String sql, List<Object> params) {
    return jdbcTemplate.execute(
        sql,
        (PreparedStatementCallback<List<Long>>)
            statement -> {
              new ArgumentPreparedStatementSetter(params.toArray()).setValues(statement);
              statement.execute();
              try (ResultSet result = statement.getResultSet()) {
                result.next();
                var ids = (Long[]) result.getArray(1).getArray();
                return Arrays.stream(ids).sorted().toList();
              }
            });
  }
}
