package dev.stepwise.execution;

import dev.stepwise.asl.Json;
import dev.stepwise.engine.Event;
import dev.stepwise.engine.TaskOutcome;
import dev.stepwise.execution.WorkKinds.TaskWork;
import dev.stepwise.queue.LocalWork;
import dev.stepwise.queue.LogContext;
import dev.stepwise.queue.WorkHandler;
import dev.stepwise.queue.WorkItem;
import dev.stepwise.task.HttpTaskDispatcher;
import dev.stepwise.task.HttpTaskDispatcher.CallContext;
import dev.stepwise.tracing.StepSpans;
import dev.stepwise.tracing.TaskSpan;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Sends a Task's request outside any transaction (the claim is already committed and the lease is
 * kept alive meanwhile), then records the outcome in the step's own transaction.
 */
@Component
class TaskHandler implements WorkHandler {
  private final WorkItemChanges itemChanges;
  private final HttpTaskDispatcher dispatcher;
  private final ApplicationEventPublisher publisher;
  private final DeliveryHandler delivery;
  private final LocalWork local;
  private final StepSpans spans;

  TaskHandler(
      WorkItemChanges itemChanges,
      HttpTaskDispatcher dispatcher,
      ApplicationEventPublisher publisher,
      DeliveryHandler delivery,
      LocalWork local,
      StepSpans spans) {
    this.itemChanges = itemChanges;
    this.dispatcher = dispatcher;
    this.publisher = publisher;
    this.delivery = delivery;
    this.local = local;
    this.spans = spans;
  }

  @Override
  public String kind() {
    return WorkKinds.TASK;
  }

  @Override
  public void handle(WorkItem item) {
    TaskWork work = Json.readStored(item.payload(), TaskWork.class);
    var request = work.request();
    LogContext.state(request.stateName());
    long sentAt = System.nanoTime();
    String executionId = item.executionId().toString();
    TaskOutcome outcome;
    try (TaskSpan span =
        spans.task(
            work.trace(),
            executionId,
            work.stateMachine(),
            request.stateName(),
            request.resource(),
            request.attempt())) {
      var call =
          new CallContext(
              executionId, work.idempotencyKey(), span.traceParent(), span.traceState());
      // A stopping node may abandon the call; the item then goes to another node, which calls
      // again.
      outcome = local.callRemote(() -> dispatcher.call(request, call));
      if (outcome instanceof TaskOutcome.Failed f) span.failed(f.error());
    }
    publisher.publishEvent(
        new TaskCompleted(
            work.stateMachine(),
            outcome instanceof TaskOutcome.Failed f ? f.error() : null,
            request.attempt(),
            java.time.Duration.ofNanos(System.nanoTime() - sentAt)));
    if (request.callback() != null && outcome instanceof TaskOutcome.Succeeded delivered) {
      // The task token is out; the state now waits for its callback, which the feature that handed
      // the token out records.
      delivery.delivered(item, request, delivered.result());
      return;
    }
    // TaskStarted is recorded with the outcome: one transaction per call instead of two.
    var started = Event.of("TaskStarted", "resource", request.resource());
    itemChanges.run(
        item,
        List.of(started),
        (interpreter, token, context) -> interpreter.afterTask(token, outcome, context));
  }
}
