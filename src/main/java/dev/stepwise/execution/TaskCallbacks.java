package dev.stepwise.execution;

import dev.stepwise.asl.Json;
import dev.stepwise.engine.Event;
import dev.stepwise.engine.Phase;
import dev.stepwise.engine.TaskOutcome;
import dev.stepwise.engine.TaskRequest;
import dev.stepwise.queue.WorkItem;
import dev.stepwise.queue.WorkQueue;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Service;

/**
 * Answers for Task states waiting for a callback: success, failure and heartbeats quoting a task
 * token, the timers of the wait, and the delivery of the request that carried the token. Each runs
 * in the execution's transaction and only while the token still waits at the position the task
 * token was handed out for, so a second, late or stopped answer changes nothing.
 */
@Service
public class TaskCallbacks {
  private final ExecutionTransactions transactions;
  private final CallbackStore store;
  private final CallbackTimers timers;
  private final TokenStore tokens;
  private final WorkQueue queue;
  private final StepApplier applier;
  private final LimitsProperties limits;
  private final RefusedWrites refused;

  TaskCallbacks(
      ExecutionTransactions transactions,
      CallbackStore store,
      CallbackTimers timers,
      TokenStore tokens,
      WorkQueue queue,
      StepApplier applier,
      LimitsProperties limits,
      RefusedWrites refused) {
    this.transactions = transactions;
    this.store = store;
    this.timers = timers;
    this.tokens = tokens;
    this.queue = queue;
    this.applier = applier;
    this.limits = limits;
    this.refused = refused;
  }

  /** The waiting state succeeds with {@code output}. */
  public void succeed(String taskToken, Object output) {
    int bytes = Json.write(output).getBytes(StandardCharsets.UTF_8).length;
    if (bytes > limits.payloadBytes()) {
      throw new PayloadOverLimit(
          "The output is larger than the payload limit of " + limits.payloadBytes() + " bytes");
    }
    answer(taskToken, new TaskOutcome.Succeeded(output));
  }

  /** The waiting state fails with {@code error} (Retry and Catch apply). */
  public void fail(String taskToken, String error, String cause) {
    answer(taskToken, new TaskOutcome.Failed(error, cause));
  }

  /** The waiting state is still being worked on: its {@code HeartbeatSeconds} clock restarts. */
  public void heartbeat(String taskToken) {
    if (!onWaiting(known(taskToken), null, (change, token, row) -> timers.heartbeat(change, row))) {
      throw notWaiting();
    }
  }

  /** A timer of the wait fired: the state fails with {@code error}, unless it was answered. */
  void expire(WorkItem item, String error, String cause) {
    var row = store.find(item.payload()).orElseThrow();
    refused.guard(
        item,
        () ->
            onWaiting(
                row,
                item,
                (change, token, fresh) ->
                    finish(change, token, fresh, new TaskOutcome.Failed(error, cause))));
  }

  /** The request carrying the task token was delivered; {@code response} is what it answered. */
  void delivered(WorkItem item, TaskRequest request, Object response) {
    var row = store.find(request.callback().taskToken()).orElseThrow();
    refused.guard(
        item,
        () ->
            onWaiting(
                row,
                item,
                (change, token, fresh) -> {
                  if (fresh.started()) return;
                  change.add(started(fresh));
                  change.add(
                      Event.of("TaskSubmitted", "resource", fresh.resource(), "output", response));
                  store.markStarted(fresh.taskToken());
                }));
  }

  private void answer(String taskToken, TaskOutcome outcome) {
    if (!onWaiting(
        known(taskToken), null, (change, token, row) -> finish(change, token, row, outcome))) {
      throw notWaiting();
    }
  }

  private void finish(
      ExecutionChange change, TokenRow token, CallbackRow row, TaskOutcome outcome) {
    if (!row.started()) change.add(started(row));
    timers.cancel(row);
    store.close(row.taskToken(), change.now());
    var step =
        Decisions.decide(
            (interpreter, position, context) -> interpreter.afterTask(position, outcome, context),
            change,
            token);
    applier.apply(change, token, step);
  }

  private interface Work {
    void run(ExecutionChange change, TokenRow token, CallbackRow row);
  }

  /**
   * Runs {@code work} in the execution's transaction if the task token's state still waits for it;
   * returns whether it did. A work {@code item} (a timer, a delivery) is completed either way.
   */
  private boolean onWaiting(CallbackRow known, WorkItem item, Work work) {
    var waiting = new AtomicBoolean();
    transactions.run(
        ChangeRequest.on(
            known.executionId(),
            change -> {
              waiting.set(false);
              if (item != null && !queue.complete(item)) return false;
              // Read again under the execution's lock: a concurrent answer may have closed it.
              CallbackRow row = store.find(known.taskToken()).orElseThrow();
              TokenRow token = tokens.find(change.executionId(), row.tokenId()).orElse(null);
              if (!waits(token, row)) return item != null;
              work.run(change, token, row);
              waiting.set(true);
              return true;
            }));
    return waiting.get();
  }

  /** Whether the token still waits for the task token the row records. */
  static boolean waits(TokenRow token, CallbackRow row) {
    return !row.closed()
        && token != null
        && token.status() == TokenStatus.ACTIVE
        && token.version() == row.tokenVersion()
        && token.position().phase() == Phase.TASK
        && row.taskToken().equals(token.position().pending());
  }

  private static Event started(CallbackRow row) {
    return Event.of("TaskStarted", "resource", row.resource());
  }

  private CallbackRow known(String taskToken) {
    if (taskToken == null) throw new TaskTokenNotFound("Task token does not exist");
    return store
        .find(taskToken)
        .orElseThrow(() -> new TaskTokenNotFound("Task token does not exist"));
  }

  private static TaskNotWaiting notWaiting() {
    return new TaskNotWaiting(
        "The task token's state is no longer waiting: it was answered, timed out or stopped");
  }
}
