package dev.stepwise.maprun;

import dev.stepwise.asl.Json;
import dev.stepwise.execution.MapChildren;
import dev.stepwise.execution.StepApplier;
import dev.stepwise.execution.WorkItemChanges;
import dev.stepwise.queue.WorkHandler;
import dev.stepwise.queue.WorkItem;
import org.springframework.stereotype.Component;

/**
 * A child execution of a distributed Map ended: in the parent's transaction, its waiting token
 * takes the child's output (or, for a failure, its error output), and the engine's fork decides
 * what follows (see the core's {@code ForkJoin}). A report for a token that is gone (the Map
 * already failed, the parent stopped) is dropped.
 */
@Component
class ChildDoneHandler implements WorkHandler {
  private final WorkItemChanges itemChanges;
  private final StepApplier applier;

  ChildDoneHandler(WorkItemChanges itemChanges, StepApplier applier) {
    this.itemChanges = itemChanges;
    this.applier = applier;
  }

  @Override
  public String kind() {
    return MapRunKinds.CHILD_DONE;
  }

  @Override
  public void handle(WorkItem item) {
    var report = Json.readStored(item.payload(), MapChildren.Report.class);
    itemChanges.settle(item, change -> applier.childExecutionEnded(change, item.tokenId(), report));
  }
}
