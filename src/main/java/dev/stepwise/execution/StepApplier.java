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

  void apply(Session session, TokenRow row, Step step) {
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
      case Effect.Fork fork -> fork(session, row, step.token(), fork);
      case Effect.StartMapRun run -> mapRuns.start(session, row, step.token(), run);
      case Effect.Finished finished ->
          end(session, row, TokenStatus.SUCCEEDED, finished.output(), null, null);
      case Effect.Failed failed ->
          end(session, row, TokenStatus.FAILED, null, failed.error(), failed.cause());
    }
  }

  private void fork(Session session, TokenRow row, Token parent, Effect.Fork fork) {
    int count = fork.children().size();
    int active = fork.maxConcurrency() == 0 ? count : Math.min(count, fork.maxConcurrency());
    int first = session.newTokenIds(count);
    tokens.insertChildren(session.executionId(), row.id(), first, fork.children(), active);
    boolean iterations = isMap(session, parent);
    // The children start at once, in this transaction: children of pure states finish (and the
    // fork joins) without a transaction each; the others stop at their first Task or timer.
    // A child that fails ends the fork, and the children after it never start.
    for (int i = 0; i < active && !session.isForkOver(first); i++) {
      if (iterations) session.add(iterationEvent("MapIterationStarted", parent, i));
      var child = new TokenRow(first + i, row.id(), i, TokenStatus.ACTIVE, fork.children().get(i), null, 0, 0);
      apply(
          session,
          child,
          Stepper.decide(
              (interpreter, position, context) -> interpreter.advance(position, context),
              session,
              child));
    }
  }

  private void end(
      Session session, TokenRow row, TokenStatus status, Object output, String error, String cause) {
    if (row.parentId() == null) {
      endExecution(session, row, status, output, error, cause);
      return;
    }
    var executionId = session.executionId();
    tokens.end(executionId, row.id(), status, status == TokenStatus.SUCCEEDED ? Json.write(output) : null);
    TokenRow parent = tokens.find(executionId, row.parentId()).orElseThrow();
    boolean iteration = isMap(session, parent.position());
    if (iteration) {
      session.add(
          iterationEvent(
              status == TokenStatus.SUCCEEDED ? "MapIterationSucceeded" : "MapIterationFailed",
              parent.position(),
              row.childIndex()));
    }
    if (status == TokenStatus.SUCCEEDED) {
      int open = tokens.closeChild(executionId, parent.id());
      tokens
          .activateNextPending(executionId, parent.id())
          .ifPresent(
              next -> {
                queue.enqueue(
                    List.of(work(session, next.id(), next.version(), WorkKinds.STEP, session.now(), null)));
                session.add(iterationEvent("MapIterationStarted", parent.position(), next.childIndex()));
              });
      if (open > 0) return;
      session.forkOver(row.id() - row.childIndex());
      List<Object> outputs = tokens.childOutputs(executionId, parent.id());
      queue.cancelTokens(executionId, tokens.deleteDescendants(executionId, parent.id()));
      apply(
          session,
          parent,
          session.interpreter().afterChildren(parent.position(), outputs, session.context()));
    } else {
      // One failed child fails the fork: the others are cancelled, their late answers dropped.
      session.forkOver(row.id() - row.childIndex());
      List<Integer> gone = tokens.deleteDescendants(executionId, parent.id());
      queue.cancelTokens(executionId, gone);
      children.abort(session, gone);
      apply(
          session,
          parent,
          session.interpreter().afterChildFailed(parent.position(), error, cause, session.context()));
    }
  }

  private void endExecution(
      Session session, TokenRow row, TokenStatus status, Object output, String error, String cause) {
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
