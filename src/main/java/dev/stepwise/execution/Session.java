package dev.stepwise.execution;

import dev.stepwise.asl.Json;
import dev.stepwise.engine.Event;
import dev.stepwise.engine.ExecutionInfo;
import dev.stepwise.engine.Interpreter;
import dev.stepwise.engine.StepContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * What one transaction on a locked execution accumulates: its history events (numbered on from
 * the execution's counter, written together at the end), new token ids, and whether it ended.
 */
final class Session {
  private final ExecutionRow execution;
  private final Interpreter interpreter;
  private final Instant now;
  private final StepContext.Limits limits;
  private final RandomGenerator random;
  private final List<Event> events = new ArrayList<>();
  private ExecutionInfo info;
  private int lastTokenId;
  private Ending ending;
  private TokenRow prefetched;
  private final java.util.Set<Integer> forksOver = new java.util.HashSet<>();

  Session(
      ExecutionRow execution,
      Interpreter interpreter,
      Instant now,
      StepContext.Limits limits,
      RandomGenerator random) {
    this.execution = execution;
    this.interpreter = interpreter;
    this.now = now;
    this.limits = limits;
    this.random = random;
    this.lastTokenId = execution.lastTokenId();
  }

  /** The token read together with the execution's lock, or null. */
  TokenRow prefetched() {
    return prefetched;
  }

  void prefetched(TokenRow token) {
    this.prefetched = token;
  }

  UUID executionId() {
    return execution.id();
  }

  ExecutionRow execution() {
    return execution;
  }

  Interpreter interpreter() {
    return interpreter;
  }

  Instant now() {
    return now;
  }

  /** The context for the next interpreter call: its events continue this session's numbering. */
  StepContext context() {
    if (info == null) {
      info =
          new ExecutionInfo(
              execution.id().toString(),
              execution.name(),
              Json.parse(execution.input()),
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

  void add(Event event) {
    events.add(event);
  }

  void addAll(List<Event> more) {
    events.addAll(more);
  }

  List<Event> events() {
    return events;
  }

  int newTokenIds(int count) {
    int first = lastTokenId + 1;
    lastTokenId += count;
    return first;
  }

  /**
   * A fork (named by its first child's token id: a fork's children have consecutive ids) joined
   * or failed in this transaction, so children of it not yet started must not start.
   */
  void forkOver(int firstChildId) {
    forksOver.add(firstChildId);
  }

  boolean isForkOver(int firstChildId) {
    return forksOver.contains(firstChildId);
  }

  int lastTokenId() {
    return lastTokenId;
  }

  /** How this transaction ends the execution; written with the counters in one statement. */
  record Ending(ExecutionStatus status, String output, String error, String cause) {}

  boolean isFinished() {
    return ending != null;
  }

  Ending ending() {
    return ending;
  }

  void end(ExecutionStatus status, String output, String error, String cause) {
    this.ending = new Ending(status, output, error, cause);
  }

  StepCommitted summary() {
    return new StepCommitted(
        execution.id(),
        execution.stateMachine(),
        events.stream().map(Event::type).toList(),
        ending == null ? null : ending.status(),
        ending == null ? null : Duration.between(execution.startedAt(), now));
  }
}
