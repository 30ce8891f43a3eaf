package dev.stepwise.execution;

import dev.stepwise.asl.Json;
import dev.stepwise.engine.Event;
import dev.stepwise.engine.TaskOutcome;
import dev.stepwise.queue.WorkHandler;
import dev.stepwise.queue.WorkItem;
import dev.stepwise.task.CallContext;
import dev.stepwise.task.HttpTaskDispatcher;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Sends a Task's request outside any transaction (the claim is already committed and the lease
 * is kept alive meanwhile), then records the outcome in the step's own transaction.
 */
@Component
class TaskHandler implements WorkHandler {
  private final Stepper stepper;
  private final HttpTaskDispatcher dispatcher;

  TaskHandler(Stepper stepper, HttpTaskDispatcher dispatcher) {
    this.stepper = stepper;
    this.dispatcher = dispatcher;
  }

  @Override
  public String kind() {
    return WorkKinds.TASK;
  }

  @Override
  public void handle(WorkItem item) {
    TaskWork work = Json.mapper().readValue(item.payload(), TaskWork.class);
    var request = work.request();
    TaskOutcome outcome =
        dispatcher.call(request, new CallContext(item.executionId().toString(), work.idempotencyKey()));
    // TaskStarted is recorded with the outcome: one transaction per call instead of two.
    var started = new Event("TaskStarted", StepApplier.details("resource", request.resource()));
    stepper.run(
        item,
        List.of(started),
        (interpreter, token, context) -> interpreter.afterTask(token, outcome, context));
  }
}
