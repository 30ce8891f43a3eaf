package dev.stepwise.execution;

import dev.stepwise.asl.Json;
import dev.stepwise.engine.Event;
import dev.stepwise.engine.Token;
import dev.stepwise.queue.NewWork;
import dev.stepwise.queue.WorkQueue;
import dev.stepwise.statemachine.ConflictException;
import dev.stepwise.statemachine.NotFoundException;
import dev.stepwise.statemachine.StateMachines;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Starting, describing, listing and stopping executions, and reading their history. */
@Service
public class Executions {
  private final StateMachines stateMachines;
  private final ExecutionStore executions;
  private final HistoryStore history;
  private final TokenStore tokens;
  private final WorkQueue queue;
  private final StepApplier applier;
  private final ExecutionTransactions transactions;
  private final Termination termination;
  private final Redriver redriver;
  private final Completions completions;
  private final TransactionTemplate tx;
  private final LimitsProperties limits;
  private final Clock clock;

  Executions(
      StateMachines stateMachines,
      ExecutionStore executions,
      HistoryStore history,
      TokenStore tokens,
      WorkQueue queue,
      StepApplier applier,
      ExecutionTransactions transactions,
      Termination termination,
      Redriver redriver,
      Completions completions,
      JdbcTransactions tx,
      LimitsProperties limits,
      Clock clock) {
    this.stateMachines = stateMachines;
    this.executions = executions;
    this.history = history;
    this.tokens = tokens;
    this.queue = queue;
    this.applier = applier;
    this.transactions = transactions;
    this.termination = termination;
    this.redriver = redriver;
    this.completions = completions;
    this.tx = tx.template();
    this.limits = limits;
    this.clock = clock;
  }

  /** A started (or, for a repeated name with the same input, existing) execution. */
  public record Started(ExecutionView execution, boolean created) {}

  /**
   * Starts an execution of a state machine's current revision. A name already used with the
   * same input returns that execution; with another input it is a conflict.
   */
  public Started start(String stateMachine, String name, Object input) {
    String inputText = Json.write(input);
    if (inputText.getBytes(StandardCharsets.UTF_8).length > limits.payloadBytes()) {
      throw new ExecutionRequestException(
          413, "The input is larger than the payload limit of " + limits.payloadBytes() + " bytes");
    }
    String executionName = name != null ? name : UUID.randomUUID().toString();
    try {
      return tx.execute(status -> insert(stateMachine, executionName, input, inputText));
    } catch (DuplicateKeyException e) {
      ExecutionRow existing = executions.findByName(stateMachine, executionName).orElseThrow();
      return existingWithSameInput(existing, input);
    }
  }

  private Started insert(String stateMachine, String name, Object input, String inputText) {
    // A name already taken is found by the unique key: the insert fails and start() looks it up.
    int revision = stateMachines.currentRevision(stateMachine);
    Instant now = clock.instant();
    var row =
        new ExecutionRow(
            UUID.randomUUID(), name, stateMachine, revision, ExecutionStatus.RUNNING,
            inputText, null, null, null, now, null, 0, 0, 1, null, null, null);
    executions.insert(row);
    Session session = transactions.open(row);
    session.add(
        new Event(
            "ExecutionStarted",
            StepApplier.details(
                "input", input, "stateMachine", stateMachine, "revision", revision)));
    Token start = session.interpreter().startToken(input);
    var root = new TokenRow(1, null, null, TokenStatus.ACTIVE, start, null, 0, 0);
    tokens.insert(row.id(), root);
    Integer timeout = stateMachines.parsed(stateMachine, revision).timeoutSeconds();
    if (timeout != null) {
      queue.enqueue(
          List.of(new NewWork(row.id(), 1, 0, WorkKinds.TIMEOUT, now.plusSeconds(timeout), null)));
    }
    // The first step runs in the starting transaction: a run of pure states may finish here.
    applier.apply(session, root, session.interpreter().advance(start, session.context()));
    transactions.flush(session);
    return new Started(view(ended(row, session)), true);
  }

  /** The row as the session left it, without reading it back. */
  private static ExecutionRow ended(ExecutionRow row, Session session) {
    var end = session.ending();
    if (end == null) return row;
    return new ExecutionRow(
        row.id(), row.name(), row.stateMachine(), row.revision(), end.status(), row.input(),
        end.output(), end.error(), end.cause(), row.startedAt(), session.now(), row.redriveCount(),
        session.nextEventId() - 1, session.lastTokenId(), row.parentExecutionId(),
        row.parentTokenId(), row.mapIndex());
  }

  private Started existingWithSameInput(ExecutionRow existing, Object input) {
    if (!Objects.equals(Json.parse(existing.input()), input)) {
      throw new ConflictException(
          "An execution named '" + existing.name() + "' exists with a different input");
    }
    return new Started(view(existing), false);
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

  public record Page<T>(List<T> items, String nextPageToken) {}

  /** Top-level executions, or with {@code parentExecution} that execution's map run children. */
  public Page<ExecutionView> list(
      String stateMachine, ExecutionStatus status, String parentExecution, String pageToken, int pageSize) {
    var cursor = PageTokens.executionCursor(pageToken);
    UUID parent = parentExecution == null ? null : parse(parentExecution);
    var rows = executions.list(stateMachine, status, parent, cursor, pageSize + 1);
    String next = null;
    if (rows.size() > pageSize) {
      rows = rows.subList(0, pageSize);
      ExecutionRow last = rows.getLast();
      next = PageTokens.of(new ExecutionStore.Cursor(last.startedAt(), last.id()));
    }
    return new Page<>(rows.stream().map(Executions::view).toList(), next);
  }

  public Page<HistoryEventView> history(
      String executionId, String pageToken, int pageSize, boolean reverse) {
    ExecutionRow row = executions.find(parse(executionId)).orElseThrow(() -> notFound(executionId));
    long from = PageTokens.eventId(pageToken, reverse ? Long.MAX_VALUE : 1);
    var events = history.page(row.id(), from, pageSize + 1, reverse);
    String next = null;
    if (events.size() > pageSize) {
      next = PageTokens.of(events.get(pageSize).id());
      events = events.subList(0, pageSize);
    }
    return new Page<>(events, next);
  }

  /** Stops a running execution: ABORTED, its pending work and timers cancelled. */
  public ExecutionView stop(String executionId, String error, String cause) {
    UUID id = parse(executionId);
    ExecutionRow row = executions.find(id).orElseThrow(() -> notFound(executionId));
    if (row.status() != ExecutionStatus.RUNNING) {
      throw new ConflictException(
          "Execution '" + executionId + "' is not running (status " + row.status() + ")");
    }
    transactions.onExecution(
        id,
        session -> {
          termination.terminate(session, ExecutionStatus.ABORTED, error, cause);
          return true;
        });
    return describe(executionId);
  }

  /**
   * Resumes a FAILED, TIMED_OUT or ABORTED execution from the state where it stopped, keeping its
   * history. A Parallel or Map state it stopped in runs again as a whole.
   */
  public ExecutionView redrive(String executionId) {
    UUID id = parse(executionId);
    tx.executeWithoutResult(
        status -> {
          ExecutionRow row = executions.lock(id).orElseThrow(() -> notFound(executionId));
          if (!row.status().canBecome(ExecutionStatus.RUNNING)) {
            throw new ConflictException(
                "Execution '" + executionId + "' cannot be redriven from status " + row.status());
          }
          Session session = transactions.open(row);
          redriver.redrive(session);
          transactions.flush(session);
        });
    return describe(executionId);
  }

  private static UUID parse(String executionId) {
    try {
      return UUID.fromString(executionId);
    } catch (IllegalArgumentException e) {
      throw notFound(executionId);
    }
  }

  private static NotFoundException notFound(String executionId) {
    return new NotFoundException("Execution '" + executionId + "' does not exist");
  }

  static ExecutionView view(ExecutionRow row) {
    return new ExecutionView(
        row.id().toString(),
        row.name(),
        row.stateMachine(),
        row.revision(),
        row.status(),
        Json.parse(row.input()),
        row.output() == null ? null : Json.parse(row.output()),
        row.error(),
        row.cause(),
        row.startedAt(),
        row.stoppedAt(),
        row.redriveCount(),
        row.parentExecutionId() == null ? null : row.parentExecutionId().toString());
  }
}
