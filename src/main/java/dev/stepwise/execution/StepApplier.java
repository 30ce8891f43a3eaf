package dev.stepwise.execution;

import dev.stepwise.asl.Json;
import dev.stepwise.engine.Effect;
import dev.stepwise.engine.Event;
import dev.stepwise.engine.Step;
import dev.stepwise.engine.Token;
import dev.stepwise.queue.NewWork;
import dev.stepwise.queue.WorkQueue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Applies an interpreter {@link Step} inside the execution's transaction: moves the token,
 * enqueues the work its effect asks for, and when a token ends, ends the execution or reports to
 * the parent token's fork (which may run the interpreter again for the join, in the same
 * transaction: the bookkeeping of Parallel and Map has no outside effect).
 */
@Component
class StepApplier {
  private final TokenStore tokens;
  private final WorkQueue queue;
  private final MapRunStarter mapRuns;
  private final ChildExecutions children;
  private final CallbackTimers callbacks;

  StepApplier(
      TokenStore tokens,
      WorkQueue queue,
      MapRunStarter mapRuns,
      ChildExecutions children,
      CallbackTimers callbacks) {
    this.tokens = tokens;
    this.queue = queue;
    this.mapRuns = mapRuns;
    this.children = children;
    this.callbacks = callbacks;
  }

  /** Applies a step, then writes the child ends it gathered (see {@link OpenFork}). */
  void apply(Session session, TokenRow row, Step step) {
    applyStep(session, row, step);
    writeForks(session);
  }

  /**
   * Starts the next children of a fork that one transaction could not start in full (a {@link
   * WorkKinds#FORK} item on the parent token).
   */
  void continueFork(Session session, TokenRow prefetched, ForkWork work) {
    // Read again after the lock: the row read with it is as it was before any transaction this
    // one waited for (a child's end elsewhere changes the open count).
    TokenRow parent = tokens.find(session.executionId(), prefetched.id()).orElse(null);
    if (parent == null
        || parent.status() != TokenStatus.ACTIVE
        || parent.version() != prefetched.version()) {
      return;
    }
    var fork = new OpenFork(parent);
    session.forks().put(parent.id(), fork);
    List<TokenRow> children =
        tokens.activeChildren(
            session.executionId(), parent.id(), work.from(), work.to(),
            session.limits().maxStepsPerYield());
    startChildren(session, fork, children, work.to());
    writeForks(session);
  }

  private void applyStep(Session session, TokenRow row, Step step) {
    session.addAll(step.events());
    int version = step.token() == null ? row.version() : tokens.move(session.executionId(), row, step.token());
    switch (step.effect()) {
      case Effect.Dispatch dispatch -> {
        // A task token is handed out: record it and arm its timers. An activity's task is not
        // sent anywhere; its workers pull it.
        if (callbacks.open(session, row.id(), version, dispatch.request())) return;
        // One key per entry into the state: the entered event's id is unique in the execution.
        String key = session.executionId() + "/" + step.token().enteredEventId();
        queue.enqueue(
            List.of(
                work(session, row.id(), version, WorkKinds.TASK, session.now(),
                    Json.write(
                        new TaskWork(
                            dispatch.request(), key, session.execution().stateMachine())))));
      }
      case Effect.Timer timer ->
          queue.enqueue(List.of(work(session, row.id(), version, WorkKinds.STEP, timer.dueAt(), null)));
      case Effect.Fork fork -> fork(session, row, version, step.token(), fork);
      case Effect.StartMapRun run -> mapRuns.start(session, row, step.token(), run);
      case Effect.Finished finished ->
          end(session, row, TokenStatus.SUCCEEDED, finished.output(), null, null);
      case Effect.Failed failed ->
          end(session, row, TokenStatus.FAILED, null, failed.error(), failed.cause());
    }
  }

  private void fork(Session session, TokenRow row, int version, Token parent, Effect.Fork fork) {
    int count = fork.children().size();
    int active = fork.maxConcurrency() == 0 ? count : Math.min(count, fork.maxConcurrency());
    int first = session.newTokenIds(count);
    tokens.insertChildren(session.executionId(), row.id(), first, fork.children(), active);
    var forked =
        new OpenFork(
            new TokenRow(
                row.id(), row.parentId(), row.childIndex(), TokenStatus.ACTIVE, parent, null,
                count, version));
    session.forks().put(row.id(), forked);
    var children = new ArrayList<TokenRow>(active);
    for (int i = 0; i < active; i++) {
      children.add(
          new TokenRow(first + i, row.id(), i, TokenStatus.ACTIVE, fork.children().get(i), null, 0, 0));
    }
    startChildren(session, forked, children, active);
  }

  /**
   * Runs children of a fork in this transaction, in order: children of pure states finish (and
   * the fork joins) without a transaction each; the others stop at their first Task or timer. A
   * child that fails ends the fork, and the children after it never start. Once the transaction
   * has done its share ({@link Session#isFull}), the children from there up to child index
   * {@code to} start in a follow-up transaction, so a fork of any size never holds one long.
   */
  private void startChildren(Session session, OpenFork fork, List<TokenRow> children, int to) {
    if (children.isEmpty()) return;
    TokenRow parent = fork.parent();
    int first = children.getFirst().id() - children.getFirst().childIndex();
    boolean iterations = isMap(session, parent.position());
    int next = children.getFirst().childIndex();
    for (TokenRow child : children) {
      if (session.isForkOver(first) || session.isFull()) break;
      if (iterations) session.add(iterationEvent("MapIterationStarted", parent.position(), child.childIndex()));
      applyStep(
          session,
          child,
          Stepper.decide(
              (interpreter, position, context) -> interpreter.advance(position, context),
              session,
              child));
      next = child.childIndex() + 1;
    }
    if (next < to && !session.isForkOver(first)) {
      queue.enqueue(
          List.of(
              work(session, parent.id(), parent.version(), WorkKinds.FORK, session.now(),
                  Json.write(new ForkWork(next, to)))));
    }
  }

  private void end(
      Session session, TokenRow row, TokenStatus status, Object output, String error, String cause) {
    if (row.parentId() == null) {
      endExecution(session, row, status, output, error, cause);
      return;
    }
    var executionId = session.executionId();
    OpenFork fork = openFork(session, row.parentId());
    TokenRow parent = fork.parent();
    int open =
        fork.childEnded(row.id(), status, status == TokenStatus.SUCCEEDED ? Json.write(output) : null);
    boolean iteration = isMap(session, parent.position());
    if (iteration) {
      session.add(
          iterationEvent(
              status == TokenStatus.SUCCEEDED ? "MapIterationSucceeded" : "MapIterationFailed",
              parent.position(),
              row.childIndex()));
    }
    if (status == TokenStatus.SUCCEEDED) {
      // A fork with MaxConcurrency has children waiting for a free slot; once none is found,
      // the next ends in this transaction do not look again.
      if (fork.mayHavePending()) {
        tokens
            .activateNextPending(executionId, parent.id())
            .ifPresentOrElse(
                next -> {
                  queue.enqueue(
                      List.of(work(session, next.id(), next.version(), WorkKinds.STEP, session.now(), null)));
                  session.add(iterationEvent("MapIterationStarted", parent.position(), next.childIndex()));
                },
                fork::noMorePending);
      }
      if (open > 0) return;
      session.forkOver(row.id() - row.childIndex());
      writeFork(session, fork);
      session.forks().remove(parent.id());
      List<Object> outputs = tokens.childOutputs(executionId, parent.id());
      queue.cancelTokens(executionId, tokens.deleteDescendants(executionId, parent.id()));
      applyStep(
          session,
          parent,
          session.interpreter().afterChildren(parent.position(), outputs, session.context()));
    } else {
      // One failed child fails the fork: the others are cancelled, their late answers dropped.
      // Their rows go, so the ends gathered for them need no writing.
      session.forkOver(row.id() - row.childIndex());
      session.forks().remove(parent.id());
      List<Integer> gone = tokens.deleteDescendants(executionId, parent.id());
      queue.cancelTokens(executionId, gone);
      children.abort(session, gone);
      applyStep(
          session,
          parent,
          session.interpreter().afterChildFailed(parent.position(), error, cause, session.context()));
    }
  }

  /** The fork of {@code parentId}, read once per transaction. */
  private OpenFork openFork(Session session, int parentId) {
    return session
        .forks()
        .computeIfAbsent(
            parentId,
            id -> new OpenFork(tokens.find(session.executionId(), id).orElseThrow()));
  }

  private void writeForks(Session session) {
    for (OpenFork fork : session.forks().values()) writeFork(session, fork);
  }

  private void writeFork(Session session, OpenFork fork) {
    var ended = fork.takeEnded();
    if (!ended.isEmpty()) {
      tokens.endChildren(session.executionId(), fork.parent().id(), ended, fork.open());
    }
  }

  private void endExecution(
      Session session, TokenRow row, TokenStatus status, Object output, String error, String cause) {
    // An ending that would pass the history limit does not happen: the execution fails at the
    // limit instead (SessionWriter).
    if (session.historySize() >= session.historyLimit()) return;
    // The root token's row keeps its last position (the failed state, for a redrive); the
    // execution's status says it is over.
    var executionId = session.executionId();
    if (status == TokenStatus.SUCCEEDED) {
      String text = Json.write(output);
      session.end(ExecutionStatus.SUCCEEDED, text, null, null);
      session.add(new Event("ExecutionSucceeded", details("output", output)));
    } else {
      session.end(ExecutionStatus.FAILED, null, error, cause);
      session.add(new Event("ExecutionFailed", details("error", error, "cause", cause)));
    }
    queue.cancelExecution(executionId);
    children.reportEnd(
        session,
        new ChildExecutions.Outcome(
            status == TokenStatus.SUCCEEDED ? ExecutionStatus.SUCCEEDED : ExecutionStatus.FAILED,
            output, error, cause));
  }

  private static boolean isMap(Session session, Token token) {
    return "Map".equals(session.interpreter().stateType(token));
  }

  private static Event iterationEvent(String type, Token mapToken, int index) {
    return new Event(type, details("name", mapToken.state(), "index", index));
  }

  private static NewWork work(
      Session session, int tokenId, int version, String kind, java.time.Instant at, String payload) {
    return new NewWork(session.executionId(), tokenId, version, kind, at, payload);
  }

  static Map<String, Object> details(Object... keyValues) {
    var details = new LinkedHashMap<String, Object>();
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      if (keyValues[i + 1] != null) details.put((String) keyValues[i], keyValues[i + 1]);
    }
    return details;
  }
}
