package dev.stepwise.children;

import dev.stepwise.asl.Json;
import dev.stepwise.engine.TaskResources;
import dev.stepwise.execution.ExecutionChange;
import dev.stepwise.execution.ExecutionStore;
import dev.stepwise.execution.StepApplier;
import dev.stepwise.execution.TokenRow;
import dev.stepwise.execution.WorkItemChanges;
import dev.stepwise.queue.WorkHandler;
import dev.stepwise.queue.WorkItem;
import dev.stepwise.queue.WorkQueue;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A child execution ended, in the parent's transaction. A distributed Map's child: its waiting
 * token takes the child's output (or, for a failure, its error output), and the engine's fork
 * decides what follows (see the core's {@code ForkJoin}); a report for a token that is gone (the
 * Map already failed, the parent stopped) is dropped. A {@code .sync} Task's child: the Task ends
 * as AWS's integration ends it ({@link ChildResults#outcome}), if its token still waits at the
 * version the child was started for; a report for a token that moved on (a timeout, a stop) is
 * dropped.
 */
@Component
class ChildDoneHandler implements WorkHandler {
  private final WorkItemChanges itemChanges;
  private final StepApplier applier;
  private final ExecutionStore executions;
  private final ChildResults results;
  private final WorkQueue queue;

  ChildDoneHandler(
      WorkItemChanges itemChanges,
      StepApplier applier,
      ExecutionStore executions,
      ChildResults results,
      WorkQueue queue) {
    this.itemChanges = itemChanges;
    this.applier = applier;
    this.executions = executions;
    this.results = results;
    this.queue = queue;
  }

  @Override
  public String kind() {
    return ChildKinds.CHILD_DONE;
  }

  @Override
  public void handle(WorkItem item) {
    var ended = Json.readStored(item.payload(), ChildEnded.class);
    if (ended.taskChild() == null) {
      itemChanges.settle(
          item, change -> applier.childExecutionEnded(change, item.tokenId(), ended.report()));
    } else {
      itemChanges.onToken(
          item, (change, token) -> taskChildEnded(change, token, ended.taskChild()));
    }
  }

  private void taskChildEnded(ExecutionChange parent, TokenRow token, UUID childId) {
    String resource = parent.interpreter().taskResource(token.position());
    if (!TaskResources.waitsForChildExecution(resource)) return;
    var child = executions.find(childId).orElseThrow();
    queue.cancelTokenWork(parent.executionId(), token.id(), List.of(ChildKinds.CHILD_TIMEOUT));
    boolean jsonValues = resource.endsWith(TaskResources.SYNC_2);
    applier.afterTask(parent, token, results.outcome(child, jsonValues));
  }
}
