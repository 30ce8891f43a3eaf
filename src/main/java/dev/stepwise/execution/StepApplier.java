package dev.stepwise.execution;

import dev.stepwise.asl.Json;
import dev.stepwise.database.CarriedWrite;
import dev.stepwise.engine.Effect;
import dev.stepwise.engine.Event;
import dev.stepwise.engine.Fork;
import dev.stepwise.engine.Step;
import dev.stepwise.engine.TaskOutcome;
import dev.stepwise.engine.TaskRequest;
import dev.stepwise.execution.ExecutionRow.ExecutionStatus;
import dev.stepwise.execution.WorkKinds.ForkWork;
import dev.stepwise.execution.WorkKinds.TaskWork;
import dev.stepwise.queue.WorkQueue;
import dev.stepwise.queue.WorkQueue.NewWork;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Applies an interpreter {@link Step} inside the execution's transaction: moves the token, enqueues
 * the work its effect asks for, and when a token ends, ends the execution or reports to the parent
 * token's fork ({@link ForkJoin}, which may run the interpreter again for the join, in the same
 * transaction: the bookkeeping of Parallel and Map has no outside effect).
 */
@Component
public class StepApplier {
  private final TokenStore tokens;
  private final WorkQueue queue;
  private final ForkJoin forks;
  private final ChildExecutions children;
  private final List<DispatchHandler> dispatchHandlers;
  private final ForkUpdates updates;
  private final ForkJoin.Steps steps = this::applyStep;

  StepApplier(
      TokenStore tokens,
      WorkQueue queue,
      ForkJoin forks,
      ChildExecutions children,
      List<DispatchHandler> dispatchHandlers,
      ForkUpdates updates) {
    this.tokens = tokens;
    this.queue = queue;
    this.forks = forks;
    this.children = children;
    this.dispatchHandlers = dispatchHandlers;
    this.updates = updates;
  }

  /**
   * Applies a step as the last work of its change (a work item's step): nothing in the transaction
   * reads or writes the token or the work items after it, so the work it enqueues (the next Task's
   * request, a Wait's timer) rides in the statement that writes the history, with the token's move
   * (see {@link ExecutionChange#queueWithHistory}). Then writes the child ends it gathered (see
   * {@link OpenFork}).
   */
  void apply(ExecutionChange change, TokenRow row, Step step) {
    applyStep(change, row, step, movingToken(change, row, step), true);
    writeForks(change);
  }

  /** Applies a step that other writes of its change may follow. */
  private void applyStep(ExecutionChange change, TokenRow row, Step step) {
    applyStep(change, row, step, movingToken(change, row, step), false);
  }

  /**
   * Applies the first step of a new execution whose root token {@code root} is not written yet: the
   * token's insert rides where its move would (see {@link TokenStore#inserting}); it is the last
   * work of its change, as in {@link #apply}.
   */
  void applyStart(ExecutionChange change, TokenRow root, Step step) {
    applyStep(change, root, step, tokens.inserting(change.executionId(), root, step.token()), true);
    writeForks(change);
  }

  /**
   * A Task's outcome arrived for {@code token}, which waits in its Task state (an answer to a
   * callback, a timer of the wait): the state goes on as after any Task, Retry and Catch included.
   */
  public void afterTask(ExecutionChange change, TokenRow token, TaskOutcome outcome) {
    // Not as the change's last work: the features that answer go on writing after it.
    applyStep(
        change,
        token,
        change.decide(
            (interpreter, position, context) -> interpreter.afterTask(position, outcome, context),
            token));
    writeForks(change);
  }

  /**
   * Starts the next children of a fork that one transaction could not start in full (a {@link
   * WorkKinds#FORK} item on the parent token).
   */
  void continueFork(ExecutionChange change, TokenRow parent, ForkWork work) {
    forks.resume(change, parent, work, steps);
    writeForks(change);
  }

  /** A distributed Map's child execution reported its end to the waiting token {@code tokenId}. */
  public void childExecutionEnded(
      ExecutionChange change, int tokenId, ChildExecutions.Report report) {
    forks.childExecutionEnded(change, tokenId, report, steps);
    writeForks(change);
  }

  /**
   * A running distributed Map's concurrency or tolerated failures change (see {@link ForkUpdates});
   * null settings stay. Returns the plan it runs with now, or empty when its fork is over.
   */
  public Optional<Fork.Plan> updateDistributedMap(
      ExecutionChange change,
      int firstChildId,
      Integer maxConcurrency,
      Long toleratedFailureCount,
      Double toleratedFailurePercentage) {
    var plan =
        updates.update(
            change,
            firstChildId,
            maxConcurrency,
            toleratedFailureCount,
            toleratedFailurePercentage,
            steps);
    writeForks(change);
    return Optional.ofNullable(plan);
  }

  /**
   * Applies one step. The token's move rides in the statement of the work it leads to (the next
   * Task's request, a Wait's timer, the end's clean-up: see {@link CarriedWrite}), one round trip
   * fewer per step; it is written on its own first where a feature or a fork reads the token after
   * it.
   */
  private TokenStore.Move movingToken(ExecutionChange change, TokenRow row, Step step) {
    return step.token() == null ? null : tokens.moving(change.executionId(), row, step.token());
  }

  /**
   * Applies one step whose token write ({@code move}, null: none) is already made; {@code last}:
   * nothing follows it in its change (see {@link #apply}).
   */
  private void applyStep(
      ExecutionChange change, TokenRow row, Step step, TokenStore.Move move, boolean last) {
    change.addAll(step.events());
    int version = move == null ? row.version() : move.version();
    CarriedWrite carried = move == null ? null : move.write();
    switch (step.effect()) {
      case Effect.Dispatch dispatch -> {
        // A feature may take part (a task token handed out is recorded and its timers armed) or
        // take the task over (an activity's task is not sent anywhere; its workers pull it).
        if (!DispatchHandler.Kind.of(dispatch.request()).isEmpty()) {
          write(carried);
          carried = null;
          if (takenOver(change, row.id(), version, dispatch)) return;
        }
        // One key per entry into the state: the entered event's id is unique in the execution.
        String key = change.executionId() + "/" + step.token().enteredEventId();
        enqueue(
            change,
            work(
                change,
                row.id(),
                version,
                WorkKinds.TASK,
                change.now(),
                Json.write(taskWork(change, dispatch, key))),
            carried,
            last);
      }
      case Effect.Timer timer ->
          enqueue(
              change,
              work(change, row.id(), version, WorkKinds.ADVANCE, timer.dueAt(), null),
              carried,
              last);
      case Effect.StartFork fork -> {
        write(carried);
        forks.start(change, row, version, step.token(), fork, steps);
      }
      case Effect.Finished finished -> {
        if (row.parentId() == null) {
          endExecution(change, ExecutionStatus.SUCCEEDED, finished.output(), null, null, carried);
        } else {
          write(carried);
          forks.childEnded(change, row, true, Json.write(finished.output()), null, null, steps);
        }
      }
      case Effect.Failed failed -> {
        if (row.parentId() == null) {
          endExecution(
              change, ExecutionStatus.FAILED, null, failed.error(), failed.cause(), carried);
        } else {
          write(carried);
          forks.childEnded(change, row, false, null, failed.error(), failed.cause(), steps);
        }
      }
    }
  }

  /**
   * Enqueues a step's work with its token's move ({@code carried}, null: none): in the statement
   * that writes the history when the step is its change's {@code last} work, else now.
   */
  private void enqueue(ExecutionChange change, NewWork work, CarriedWrite carried, boolean last) {
    if (!last) {
      queue.enqueue(List.of(work), carried);
      return;
    }
    change.queueWithHistory(queue.queued(List.of(work)));
    if (carried != null) change.carryWithHistory(carried);
  }

  /** Writes a token's move on its own (null: there is none). */
  private void write(CarriedWrite move) {
    if (move != null) tokens.write(move);
  }

  private static TaskWork taskWork(ExecutionChange change, Effect.Dispatch dispatch, String key) {
    ExecutionRow execution = change.execution();
    return new TaskWork(
        dispatch.request(),
        key,
        execution.stateMachine(),
        execution.traceParent(),
        execution.traceState());
  }

  private boolean takenOver(
      ExecutionChange change, int tokenId, int version, Effect.Dispatch dispatch) {
    TaskRequest request = dispatch.request();
    // A handler is asked only about its kind of dispatch; a plain HTTP Task is of none.
    Set<DispatchHandler.Kind> kinds = DispatchHandler.Kind.of(request);
    if (kinds.isEmpty()) return false;
    boolean taken = false;
    for (DispatchHandler handler : dispatchHandlers) {
      if (kinds.contains(handler.kind())) taken |= handler.take(change, tokenId, version, request);
    }
    return taken;
  }

  /** Writes the forks' child ends this transaction gathered; a change without forks has none. */
  private void writeForks(ExecutionChange change) {
    if (!change.forks().isEmpty()) forks.writeAll(change);
  }

  private void endExecution(
      ExecutionChange change,
      ExecutionStatus status,
      Object output,
      String error,
      String cause,
      CarriedWrite move) {
    // An ending that would pass the history limit does not happen: the execution fails at the
    // limit instead (ExecutionTransactions).
    if (change.historySize() >= change.historyLimit()) {
      write(move);
      return;
    }
    // The root token's row keeps its last position (the failed state, for a redrive); the
    // execution's status says it is over.
    if (status == ExecutionStatus.SUCCEEDED) {
      change.end(status, Json.write(output), null, null);
      change.add(Event.of("ExecutionSucceeded", "output", output));
    } else {
      change.end(status, null, error, cause);
      change.add(Event.of("ExecutionFailed", "error", error, "cause", cause));
    }
    // Nothing in this transaction reads the token or the work items after the end.
    if (move != null) change.carryWithHistory(move);
    change.carryWithHistory(queue.cancelling(change.executionId()));
    // Only a child a parent token waits for reports; a root execution's end stops here.
    if (change.execution().reportsToParent()) {
      children.reportEnd(change, new ChildExecutions.Report(status, output, error, cause));
    }
  }

  private static NewWork work(
      ExecutionChange change, int tokenId, int version, String kind, Instant at, String payload) {
    return new NewWork(change.executionId(), tokenId, version, kind, at, payload);
  }
}
