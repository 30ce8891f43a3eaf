package dev.stepwise.callback;

import dev.stepwise.asl.Json;
import dev.stepwise.engine.TaskRequest;
import dev.stepwise.execution.DispatchHandler;
import dev.stepwise.execution.ExecutionChange;
import dev.stepwise.execution.StopHandler;
import dev.stepwise.queue.WorkQueue;
import dev.stepwise.queue.WorkQueue.NewWork;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Records a handed-out task token in the transaction that schedules its Task, so an answer can
 * arrive even before the request that carries the token returns, and keeps the durable timers of
 * its wait: {@code TimeoutSeconds} and {@code HeartbeatSeconds} (re-armed by each heartbeat).
 */
@Component
class CallbackTimers implements DispatchHandler, StopHandler {
  private static final List<String> KINDS =
      List.of(CallbackKinds.CALLBACK_TIMEOUT, CallbackKinds.HEARTBEAT_TIMEOUT);

  private final CallbackStore store;
  private final WorkQueue queue;
  private final ApplicationEventPublisher publisher;

  CallbackTimers(CallbackStore store, WorkQueue queue, ApplicationEventPublisher publisher) {
    this.store = store;
    this.queue = queue;
    this.publisher = publisher;
  }

  /** The requests that wait for a callback: they hand out a task token. */
  @Override
  public Kind kind() {
    return Kind.TASK_TOKEN;
  }

  /**
   * Records the task token of a request that waits for a callback. Returns true when workers pull
   * the task (an activity), so no request is to be sent.
   */
  @Override
  public boolean take(ExecutionChange change, int tokenId, int version, TaskRequest request) {
    var callback = request.callback();
    var executionId = change.executionId();
    String machine = change.execution().stateMachine();
    Integer heartbeat =
        callback.heartbeat() == null ? null : (int) callback.heartbeat().toSeconds();
    var row =
        new CallbackRow(
            callback.taskToken(),
            executionId,
            tokenId,
            version,
            machine,
            request.resource(),
            heartbeat,
            callback.activity(),
            false,
            false);
    String input = callback.activity() == null ? null : Json.write(request.payload());
    store.insert(row, request.stateName(), input, change.now());
    // A retried state's earlier wait is over; its timers go with it.
    queue.cancelTokenWork(executionId, tokenId, KINDS);
    var timers = new ArrayList<NewWork>(2);
    if (callback.timeout() != null) {
      timers.add(timer(change, row, CallbackKinds.CALLBACK_TIMEOUT, callback.timeout()));
    }
    // An activity's heartbeat clock starts when a worker takes the task.
    if (callback.heartbeat() != null && callback.activity() == null) {
      timers.add(timer(change, row, CallbackKinds.HEARTBEAT_TIMEOUT, callback.heartbeat()));
    }
    queue.enqueue(timers);
    publisher.publishEvent(new CallbackOpened(machine, callback.activity()));
    return callback.activity() != null;
  }

  /** Task tokens handed out can no longer be answered, and stop counting as open. */
  @Override
  public void stopped(ExecutionChange change) {
    store.closeExecution(change.executionId(), change.now());
  }

  /** A heartbeat: the {@code HeartbeatSeconds} clock starts again. */
  void heartbeat(ExecutionChange change, CallbackRow row) {
    if (row.heartbeatSeconds() == null) return;
    queue.cancelTokenWork(
        row.executionId(), row.tokenId(), List.of(CallbackKinds.HEARTBEAT_TIMEOUT));
    queue.enqueue(
        List.of(
            timer(
                change,
                row,
                CallbackKinds.HEARTBEAT_TIMEOUT,
                Duration.ofSeconds(row.heartbeatSeconds()))));
  }

  /** The wait is over (answered, or one of its timers fired). */
  void cancel(CallbackRow row) {
    queue.cancelTokenWork(row.executionId(), row.tokenId(), KINDS);
  }

  private static NewWork timer(
      ExecutionChange change, CallbackRow row, String kind, Duration after) {
    return new NewWork(
        row.executionId(),
        row.tokenId(),
        row.tokenVersion(),
        kind,
        change.now().plus(after),
        row.taskToken());
  }
}
