package dev.stepwise.lifecycle;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.stepwise.asl.Json;
import dev.stepwise.execution.ExecutionRow;
import dev.stepwise.execution.ExecutionRow.ExecutionStatus;
import dev.stepwise.execution.ExecutionStore;
import dev.stepwise.statemachine.QualifiedName;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Describing, listing and awaiting executions, and reading their history (in plain SQL), a page at
 * a time behind opaque page tokens.
 */
@Service
public class Executions {
  /** The execution's history partition, so a read prunes to it (see the partitioning migration). */
  private static final String HISTORY_BUCKET =
      "(select coalesce(history_bucket, started_at) from execution where id = ?)";

  private final ExecutionStore executions;
  private final JdbcClient jdbc;
  private final Completions completions;
  private final Clock clock;

  Executions(ExecutionStore executions, JdbcClient jdbc, Completions completions, Clock clock) {
    this.executions = executions;
    this.jdbc = jdbc;
    this.completions = completions;
    this.clock = clock;
  }

  /** Waits up to {@code wait} for an execution to end; returns it as it is then. */
  public ExecutionView await(String executionId, Duration wait) {
    UUID id = parse(executionId);
    var future = completions.register(id);
    try {
      Instant deadline = clock.instant().plus(wait);
      while (true) {
        ExecutionView current = describe(executionId);
        Duration left = Duration.between(clock.instant(), deadline);
        if (current.status() != ExecutionStatus.RUNNING || left.isNegative() || left.isZero()) {
          return current;
        }
        try {
          future.get(Math.min(left.toMillis(), 250), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          // Not ended here; look again (another replica may have ended it).
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return describe(executionId);
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException(e);
        }
      }
    } finally {
      completions.unregister(id);
    }
  }

  public ExecutionView describe(String executionId) {
    return view(executions.find(parse(executionId)).orElseThrow(() -> notFound(executionId)));
  }

  /** An execution by its name, unique among the executions of one state machine. */
  public ExecutionView describe(String stateMachine, String name) {
    return view(
        executions
            .findByName(stateMachine, name)
            .orElseThrow(
                () ->
                    new ExecutionNotFound(
                        "Execution '" + name + "' of '" + stateMachine + "' does not exist")));
  }

  public record Page<T>(List<T> items, String nextPageToken) {}

  /**
   * Every execution but a distributed Map's children, or with {@code parentExecution} that
   * execution's children (its Maps', and those its Tasks started). {@code stateMachine} may be
   * qualified as AWS qualifies it ({@code name:3}, {@code name:prod}): the executions started on
   * that version or alias.
   */
  public Page<ExecutionView> list(
      String stateMachine,
      ExecutionStatus status,
      String parentExecution,
      String pageToken,
      int pageSize) {
    return list(stateMachine, null, status, parentExecution, pageToken, pageSize);
  }

  /** As the other {@code list}, only of state machines whose names start with {@code prefix}. */
  public Page<ExecutionView> list(
      String stateMachine,
      String prefix,
      ExecutionStatus status,
      String parentExecution,
      String pageToken,
      int pageSize) {
    var cursor = cursorOf(pageToken);
    UUID parent = parentExecution == null ? null : parse(parentExecution);
    QualifiedName target = stateMachine == null ? null : QualifiedName.parse(stateMachine);
    var rows = executions.list(target, prefix, status, parent, cursor, pageSize + 1);
    String next = null;
    if (rows.size() > pageSize) {
      rows = rows.subList(0, pageSize);
      ExecutionRow last = rows.getLast();
      next = pageToken(new ExecutionStore.Cursor(last.startedAt(), last.id()));
    }
    return new Page<>(rows.stream().map(Executions::view).toList(), next);
  }

  public Page<HistoryEventView> history(
      String executionId, String pageToken, int pageSize, boolean reverse) {
    ExecutionRow row = executions.find(parse(executionId)).orElseThrow(() -> notFound(executionId));
    long from = eventIdOf(pageToken, reverse ? Long.MAX_VALUE : 1);
    var events = historyPage(row.id(), from, pageSize + 1, reverse);
    String next = null;
    if (events.size() > pageSize) {
      next = pageToken(events.get(pageSize).id());
      events = events.subList(0, pageSize);
    }
    return new Page<>(events, next);
  }

  /** History events from {@code from}, as the core's {@code ExecutionChanges} wrote them. */
  @SuppressWarnings("unchecked")
  private List<HistoryEventView> historyPage(
      UUID executionId, long from, int size, boolean reverse) {
    String sql =
        reverse
            ? "select id, previous_event_id, ts, type, details from history_event"
                + " where execution_id = ? and bucket = "
                + HISTORY_BUCKET
                + " and id <= ? order by id desc limit ?"
            : "select id, previous_event_id, ts, type, details from history_event"
                + " where execution_id = ? and bucket = "
                + HISTORY_BUCKET
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

  // Page tokens are opaque: the position after which the next page starts, base64-encoded.

  private static String pageToken(ExecutionStore.Cursor cursor) {
    return encode(cursor.startedAt().toString() + "|" + cursor.id());
  }

  private static String pageToken(long eventId) {
    return encode(Long.toString(eventId));
  }

  private static ExecutionStore.Cursor cursorOf(String token) {
    if (token == null || token.isEmpty()) return null;
    String[] parts = decode(token).split("\\|");
    try {
      return new ExecutionStore.Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
    } catch (RuntimeException e) {
      throw new InvalidPageToken("Invalid page token");
    }
  }

  private static long eventIdOf(String token, long fallback) {
    if (token == null || token.isEmpty()) return fallback;
    try {
      return Long.parseLong(decode(token));
    } catch (NumberFormatException e) {
      throw new InvalidPageToken("Invalid page token");
    }
  }

  private static String encode(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String token) {
    try {
      return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidPageToken("Invalid page token");
    }
  }

  static UUID parse(String executionId) {
    try {
      return UUID.fromString(executionId);
    } catch (IllegalArgumentException e) {
      throw notFound(executionId);
    }
  }

  static ExecutionNotFound notFound(String executionId) {
    return new ExecutionNotFound("Execution '" + executionId + "' does not exist");
  }

  static ExecutionView view(ExecutionRow row) {
    return new ExecutionView(
        row.id().toString(),
        row.name(),
        row.stateMachine(),
        row.revision(),
        row.status(),
        Json.parseStored(row.input()),
        row.output() == null ? null : Json.parseStored(row.output()),
        row.error(),
        row.cause(),
        row.startedAt(),
        row.stoppedAt(),
        row.redriveCount(),
        row.parentExecutionId() == null ? null : row.parentExecutionId().toString(),
        row.version(),
        row.alias(),
        row.startedBy(),
        row.stoppedBy());
  }

  /**
   * An execution as the API shows it; {@code input} and {@code output} are JSON values. {@code
   * parentExecutionId} is set for child executions (a distributed Map's, or one a Task state
   * started with {@code states:startExecution}); {@code version} and {@code alias} for executions
   * started on a version or an alias (an alias's execution names the version it chose too). {@code
   * startedBy} and {@code stoppedBy} name the callers that started and stopped it (absent for a
   * distributed Map's children and for an execution not stopped by a call).
   */
  public record ExecutionView(
      String executionId,
      String name,
      String stateMachine,
      int revision,
      ExecutionStatus status,
      Object input,
      Object output,
      String error,
      String cause,
      Instant startedAt,
      Instant stoppedAt,
      int redriveCount,
      @JsonInclude(JsonInclude.Include.NON_NULL) String parentExecutionId,
      @JsonInclude(JsonInclude.Include.NON_NULL) Integer version,
      @JsonInclude(JsonInclude.Include.NON_NULL) String alias,
      @JsonInclude(JsonInclude.Include.NON_NULL) String startedBy,
      @JsonInclude(JsonInclude.Include.NON_NULL) String stoppedBy) {}

  /** A history event as the API shows it. */
  public record HistoryEventView(
      long id, long previousEventId, Instant timestamp, String type, Map<String, Object> details) {}
}
