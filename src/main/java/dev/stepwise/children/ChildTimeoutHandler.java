package dev.stepwise.children;

import dev.stepwise.asl.ErrorNames;
import dev.stepwise.engine.TaskOutcome;
import dev.stepwise.execution.ChildExecutions;
import dev.stepwise.execution.StepApplier;
import dev.stepwise.execution.WorkItemChanges;
import dev.stepwise.queue.WorkHandler;
import dev.stepwise.queue.WorkItem;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A {@code .sync} Task's {@code TimeoutSeconds} ran out before its child execution ended: the Task
 * fails with {@code States.Timeout} (Retry and Catch apply) and the child, which nothing waits for
 * any longer, is aborted. A child that ended first moved the token on, and the timer finds nothing.
 */
@Component
class ChildTimeoutHandler implements WorkHandler {
  private final WorkItemChanges itemChanges;
  private final StepApplier applier;
  private final ChildExecutions children;

  ChildTimeoutHandler(WorkItemChanges itemChanges, StepApplier applier, ChildExecutions children) {
    this.itemChanges = itemChanges;
    this.applier = applier;
    this.children = children;
  }

  @Override
  public String kind() {
    return ChildKinds.CHILD_TIMEOUT;
  }

  @Override
  public void handle(WorkItem item) {
    itemChanges.onToken(
        item,
        (change, token) -> {
          children.abort(change, List.of(token.id()));
          applier.afterTask(
              change,
              token,
              new TaskOutcome.Failed(
                  ErrorNames.TIMEOUT,
                  "The execution the Task started did not end within its TimeoutSeconds"));
        });
  }
}
