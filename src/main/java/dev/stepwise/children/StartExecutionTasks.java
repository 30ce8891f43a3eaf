package dev.stepwise.children;

import dev.stepwise.asl.Json;
import dev.stepwise.engine.TaskRequest;
import dev.stepwise.execution.DispatchHandler;
import dev.stepwise.execution.ExecutionChange;
import dev.stepwise.queue.WorkQueue;
import dev.stepwise.queue.WorkQueue.NewWork;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Takes over the Tasks that start an execution here ({@code arn:aws:states:::states:startExecution}
 * with any of its patterns): no request is sent; a {@link ChildKinds#START_CHILD} item on the
 * waiting token starts the execution in the parent's next transaction ({@link StartChildHandler}).
 */
@Component
class StartExecutionTasks implements DispatchHandler {
  private final WorkQueue queue;

  StartExecutionTasks(WorkQueue queue) {
    this.queue = queue;
  }

  @Override
  public Kind kind() {
    return Kind.START_EXECUTION;
  }

  @Override
  public boolean take(ExecutionChange change, int tokenId, int version, TaskRequest request) {
    queue.enqueue(
        List.of(
            new NewWork(
                change.executionId(),
                tokenId,
                version,
                ChildKinds.START_CHILD,
                change.now(),
                Json.write(request))));
    return true;
  }
}
