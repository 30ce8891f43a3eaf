package dev.stepwise.children;

import dev.stepwise.asl.Json;
import dev.stepwise.engine.Event;
import dev.stepwise.engine.TaskOutcome;
import dev.stepwise.engine.TaskRequest;
import dev.stepwise.engine.TaskResources;
import dev.stepwise.execution.ExecutionChange;
import dev.stepwise.execution.ExecutionRow;
import dev.stepwise.execution.NewChildExecutions;
import dev.stepwise.execution.StepApplier;
import dev.stepwise.execution.TokenRow;
import dev.stepwise.queue.WorkQueue;
import dev.stepwise.queue.WorkQueue.NewWork;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Starts the execution a {@code states:startExecution} Task asks for, in the parent's transaction
 * (so a start happens exactly once per entry and attempt), and goes on as the Task's pattern says:
 * without a suffix the Task succeeds with StartExecution's answer; {@code .sync} and {@code
 * .sync:2} wait for the child's end (it reports through {@link ChildDoneHandler}), bounded by
 * {@code TimeoutSeconds}; {@code .waitForTaskToken} waits for the task token's answer, as any
 * callback.
 */
@Component
class ChildStarts {
  private final ChildRows rows;
  private final NewChildExecutions newChildren;
  private final ChildResults results;
  private final StepApplier applier;
  private final WorkQueue queue;

  ChildStarts(
      ChildRows rows,
      NewChildExecutions newChildren,
      ChildResults results,
      StepApplier applier,
      WorkQueue queue) {
    this.rows = rows;
    this.newChildren = newChildren;
    this.results = results;
    this.applier = applier;
    this.queue = queue;
  }

  /** Starts what the Task of {@code token}, waiting in its state, asks for. */
  void start(ExecutionChange parent, TokenRow token, TaskRequest request) {
    switch (rows.plan(parent, token, request)) {
      case ChildRows.Start.Refused refused -> {
        parent.add(taskStarted(request));
        applier.afterTask(parent, token, refused.failure());
      }
      case ChildRows.Start.Running running -> started(parent, token, request, running.existing());
      case ChildRows.Start.Fresh fresh -> {
        newChildren.start(parent, fresh.row(), null, fresh.input());
        started(parent, token, request, fresh.row());
      }
    }
  }

  private void started(
      ExecutionChange parent, TokenRow token, TaskRequest request, ExecutionRow child) {
    Map<String, Object> answer = results.started(child);
    if (request.callback() != null) {
      // The task token is out; the feature that handed it out records that, in a transaction of
      // its own (the child may answer it first, which that feature allows for).
      enqueue(
          parent,
          token,
          ChildKinds.CHILD_STARTED,
          parent.now(),
          Json.write(new StartedForCallback(request, answer)));
      return;
    }
    parent.add(taskStarted(request));
    if (!TaskResources.waitsForChildExecution(request.resource())) {
      applier.afterTask(parent, token, new TaskOutcome.Succeeded(answer));
      return;
    }
    parent.add(Event.of("TaskSubmitted", "resource", request.resource(), "output", answer));
    if (request.timeout() != null) {
      enqueue(parent, token, ChildKinds.CHILD_TIMEOUT, parent.now().plus(request.timeout()), null);
    }
  }

  private void enqueue(
      ExecutionChange parent, TokenRow token, String kind, Instant at, String payload) {
    queue.enqueue(
        List.of(new NewWork(parent.executionId(), token.id(), token.version(), kind, at, payload)));
  }

  private static Event taskStarted(TaskRequest request) {
    return Event.of("TaskStarted", "resource", request.resource());
  }
}
