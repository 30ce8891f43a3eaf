package dev.stepwise.execution;

import dev.stepwise.asl.Json;
import dev.stepwise.execution.WorkKinds.ForkWork;
import dev.stepwise.queue.WorkHandler;
import dev.stepwise.queue.WorkItem;
import org.springframework.stereotype.Component;

/** Starts the next children of a fork too large for one transaction (see {@link StepApplier}). */
@Component
class ForkHandler implements WorkHandler {
  private final WorkItemChanges itemChanges;
  private final StepApplier applier;

  ForkHandler(WorkItemChanges itemChanges, StepApplier applier) {
    this.itemChanges = itemChanges;
    this.applier = applier;
  }

  @Override
  public String kind() {
    return WorkKinds.FORK;
  }

  @Override
  public void handle(WorkItem item) {
    var work = Json.readStored(item.payload(), ForkWork.class);
    itemChanges.onToken(item, (change, parent) -> applier.continueFork(change, parent, work));
  }
}
