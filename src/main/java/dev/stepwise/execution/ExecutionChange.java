package dev.stepwise.execution;

import dev.stepwise.asl.ErrorNames;
import dev.stepwise.asl.Json;
import dev.stepwise.database.CarriedWrite;
import dev.stepwise.engine.Effect;
import dev.stepwise.engine.Event;
import dev.stepwise.engine.ExecutionInfo;
import dev.stepwise.engine.Interpreter;
import dev.stepwise.engine.Step;
import dev.stepwise.engine.StepContext;
import dev.stepwise.engine.Token;
import dev.stepwise.execution.ExecutionRow.ExecutionStatus;
import dev.stepwise.queue.QueuedWork;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one transaction changes in an execution (locked, or just inserted), accumulated until it is
 * written: its history events (numbered on from the execution's counter, written together at the
 * end), new token ids, and whether it ended; and the interpreter of its revision, asked for a
 * token's next step with {@link #decide}. (Named for what it is; it was once "Session", which read
 * like Hibernate's.)
 */
public final class ExecutionChange {
  private static final Logger log = LoggerFactory.getLogger(ExecutionChange.class);

  private final ExecutionRow execution;
  private final Interpreter interpreter;
  private final Instant now;
  private final StepContext.Limits limits;
  private final int historyLimit;
  private final RandomGenerator random;
  private final List<Event> events = new ArrayList<>();
  private final List<CarriedWrite> carried = new ArrayList<>();
  private QueuedWork queued;
  private ExecutionInfo info;
  private int lastTokenId;
  private ExecutionRow.Ending ending;
  private int endingEventIndex;
  private TokenRow prefetched;
  private final java.util.Set<Integer> forksOver = new java.util.HashSet<>();
  private final Map<Integer, OpenFork> forks = new HashMap<>();
  private BiConsumer<ExecutionRow, Consumer<ExecutionChange>> starts;

  ExecutionChange(
      ExecutionRow execution,
      Interpreter interpreter,
      Instant now,
      StepContext.Limits limits,
      int historyLimit,
      RandomGenerator random) {
    this.execution = execution;
    this.interpreter = interpreter;
    this.now = now;
    this.limits = limits;
    this.historyLimit = historyLimit;
    this.random = random;
    this.lastTokenId = execution.lastTokenId();
  }

  /**
   * Starts a new execution in this transaction (a distributed Map's child), through the same door
   * as this change ({@link ExecutionTransactions}, which sets how): {@code row} is inserted and
   * {@code work} done in a change of its own, written as any.
   */
  public void start(ExecutionRow row, Consumer<ExecutionChange> work) {
    starts.accept(row, work);
  }

  void startsThrough(BiConsumer<ExecutionRow, Consumer<ExecutionChange>> door) {
    this.starts = door;
  }

  /** The token read together with the execution's lock, or null. */
  TokenRow prefetched() {
    return prefetched;
  }

  void prefetched(TokenRow token) {
    this.prefetched = token;
  }

  public UUID executionId() {
    return execution.id();
  }

  public ExecutionRow execution() {
    return execution;
  }

  public Interpreter interpreter() {
    return interpreter;
  }

  StepContext.Limits limits() {
    return limits;
  }

  public Instant now() {
    return now;
  }

  /** What to ask the interpreter, given a token's current position. */
  interface Action {
    Step apply(Interpreter interpreter, Token position, StepContext context);
  }

  /** Advances a token entering a state (or whose timer fired). */
  static final Action ADVANCE =
      (interpreter, position, context) -> interpreter.advance(position, context);

  /**
   * Asks the interpreter for {@code token}'s next step. It is pure, so an exception other than an
   * ASL error is a defect: the token fails with {@code States.Runtime} (a cause that names no Java
   * class; the log has the details) rather than the item being retried forever.
   */
  Step decide(Action action, TokenRow token) {
    try {
      return action.apply(interpreter, token.position(), context());
    } catch (RuntimeException e) {
      log.error("The interpreter failed on execution {}", execution.id(), e);
      String cause =
          e instanceof Json.TooDeepException
              ? e.getMessage()
              : "Internal error while running the state (logged by the service)";
      return new Step(List.of(), null, new Effect.Failed(ErrorNames.RUNTIME, cause));
    }
  }

  /** The context for the next interpreter call: its events continue this change's numbering. */
  StepContext context() {
    if (info == null) {
      info =
          new ExecutionInfo(
              execution.id().toString(),
              execution.name(),
              Json.parseStored(execution.input()),
              execution.startedAt(),
              execution.stateMachine(),
              execution.revision(),
              execution.redriveCount());
    }
    return new StepContext(info, now, random, nextEventId(), limits);
  }

  long nextEventId() {
    return execution.lastEventId() + events.size() + 1;
  }

  /** How many events the execution's history holds once this change's are written. */
  long historySize() {
    return nextEventId() - 1;
  }

  int historyLimit() {
    return historyLimit;
  }

  /**
   * Whether this transaction has done its share: its events reach the budget of a step (two per
   * state, for {@code states-per-step} states) or the history limit. A fork then starts its
   * remaining children in a follow-up transaction, so no transaction stays open long.
   */
  boolean isFull() {
    return events.size() >= 2L * limits.maxStepsPerYield() || historySize() >= historyLimit;
  }

  /**
   * Drops the latest events before the ending's (those {@link #end} was followed by) until the
   * history holds at most {@code limit} events: the step that passed the limit is cut short.
   */
  void trimHistoryTo(long limit) {
    long over = historySize() - limit;
    if (over <= 0) return;
    int endFrom = ending == null ? events.size() : endingEventIndex;
    int from = (int) Math.max(0, endFrom - over);
    events.subList(from, endFrom).clear();
    if (ending != null) endingEventIndex = from;
  }

  public void add(Event event) {
    events.add(event);
  }

  void addAll(List<Event> more) {
    events.addAll(more);
  }

  List<Event> events() {
    return events;
  }

  /** The states this change entered, in order (a step may run several). */
  List<String> enteredStates() {
    return events.stream()
        .filter(e -> e.type().endsWith("StateEntered"))
        .map(e -> String.valueOf(e.details().get("name")))
        .toList();
  }

  public int newTokenIds(int count) {
    int first = lastTokenId + 1;
    lastTokenId += count;
    return first;
  }

  /**
   * A fork (named by its first child's token id: a fork's children have consecutive ids) joined or
   * failed in this transaction, so children of it not yet started must not start.
   */
  void forkOver(int firstChildId) {
    forksOver.add(firstChildId);
  }

  boolean isForkOver(int firstChildId) {
    return forksOver.contains(firstChildId);
  }

  /** The forks this transaction works on, by parent token id (see {@link OpenFork}). */
  Map<Integer, OpenFork> forks() {
    return forks;
  }

  int lastTokenId() {
    return lastTokenId;
  }

  boolean isFinished() {
    return ending != null;
  }

  ExecutionRow.Ending ending() {
    return ending;
  }

  /** Ends the execution; the events added from now on are the ending's. */
  void end(ExecutionStatus status, String output, String error, String cause) {
    this.ending = new ExecutionRow.Ending(status, output, error, cause);
    this.endingEventIndex = events.size();
  }

  /**
   * Has {@code write} ride in the statement that writes this change's history (see {@link
   * ExecutionChanges#flush}), a round trip fewer: for a write nothing in the transaction reads
   * after it (the end's clean-up).
   */
  void carryWithHistory(CarriedWrite write) {
    carried.add(write);
  }

  List<CarriedWrite> carried() {
    return carried;
  }

  /**
   * Has the insert of {@code work} ride in the statement that writes this change's history, which
   * hands it the new ids: for the work of a change's last step, when nothing in the transaction
   * touches work items or the token after it (see {@link StepApplier#apply}).
   */
  void queueWithHistory(QueuedWork work) {
    if (queued != null) throw new IllegalStateException("One queued insert per change");
    queued = work;
  }

  /** The work whose insert rides with the history; null: none. */
  QueuedWork queuedWithHistory() {
    return queued;
  }

  /** The carried writes and the queued insert were written on their own: nothing rides now. */
  void carriedWritten() {
    carried.clear();
    queued = null;
  }

  /** The execution's row as this change leaves it (its counters and end), without reading it. */
  public ExecutionRow rowAsWritten() {
    return execution.after(nextEventId() - 1, lastTokenId, ending, now);
  }

  ExecutionChanged summary() {
    return new ExecutionChanged(
        execution.id(),
        execution.stateMachine(),
        events.stream().map(Event::type).toList(),
        ending == null ? null : ending.status(),
        ending == null ? null : Duration.between(execution.startedAt(), now));
  }
}
