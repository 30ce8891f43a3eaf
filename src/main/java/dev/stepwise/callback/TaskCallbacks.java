package dev.stepwise.callback;

import dev.stepwise.asl.Json;
import dev.stepwise.engine.TaskOutcome;
import dev.stepwise.execution.LimitsProperties;
import dev.stepwise.execution.PayloadOverLimit;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Service;

/**
 * Answers for Task states waiting for a callback: success, failure and heartbeats quoting a task
 * token. Each runs in the execution's transaction and only while the token still waits at the
 * position the task token was handed out for ({@link WaitingCallbacks}), so a second, late or
 * stopped answer changes nothing. (The wait's timers are {@link CallbackExpiry}'s, the delivery of
 * the request that carried the token {@link CallbackDeliveries}'.)
 */
@Service
public class TaskCallbacks {
  private final CallbackStore store;
  private final WaitingCallbacks waiting;
  private final CallbackOutcomes outcomes;
  private final CallbackTimers timers;
  private final LimitsProperties limits;

  TaskCallbacks(
      CallbackStore store,
      WaitingCallbacks waiting,
      CallbackOutcomes outcomes,
      CallbackTimers timers,
      LimitsProperties limits) {
    this.store = store;
    this.waiting = waiting;
    this.outcomes = outcomes;
    this.timers = timers;
    this.limits = limits;
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
    if (!waiting.onWaiting(
        known(taskToken), null, (change, token, row) -> timers.heartbeat(change, row))) {
      throw notWaiting();
    }
  }

  private void answer(String taskToken, TaskOutcome outcome) {
    if (!waiting.onWaiting(
        known(taskToken),
        null,
        (change, token, row) -> outcomes.finish(change, token, row, outcome))) {
      throw notWaiting();
    }
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
