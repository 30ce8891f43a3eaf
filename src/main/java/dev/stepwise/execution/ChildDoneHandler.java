package dev.stepwise.execution;

import dev.stepwise.asl.Json;
import dev.stepwise.queue.WorkHandler;
import dev.stepwise.queue.WorkItem;
import org.springframework.stereotype.Component;

/**
 * A child execution of a distributed Map ended: in the parent's transaction, its waiting token
 * takes the child's output (or, for a failure, its error output), and the engine's fork decides
 * what follows (see {@link ForkJoin}). A report for a token that is gone (the Map already failed,
 * the parent stopped) is dropped.
 */
@Component
class ChildDoneHandler implements WorkHandler {
  private final Stepper stepper;
  private final StepApplier applier;

  ChildDoneHandler(Stepper stepper, StepApplier applier) {
    this.stepper = stepper;
    this.applier = applier;
  }

  @Override
  public String kind() {
    return WorkKinds.CHILD_DONE;
  }

  @Override
  public void handle(WorkItem item) {
    var outcome = Json.mapper().readValue(item.payload(), ChildExecutions.Outcome.class);
    stepper.settle(item, session -> applier.childExecutionEnded(session, item.tokenId(), outcome));
  }
}
