package dev.stepwise.execution;

import dev.stepwise.queue.WorkHandler;
import dev.stepwise.queue.WorkItem;
import org.springframework.stereotype.Component;

/** Aborts a child execution in its own transaction, for a parent that stopped or moved on. */
@Component
class AbortChildHandler implements WorkHandler {
  private final Stepper stepper;
  private final Termination termination;

  AbortChildHandler(Stepper stepper, Termination termination) {
    this.stepper = stepper;
    this.termination = termination;
  }

  @Override
  public String kind() {
    return WorkKinds.ABORT_CHILD;
  }

  @Override
  public void handle(WorkItem item) {
    stepper.settle(
        item,
        session ->
            termination.terminate(
                session,
                ExecutionStatus.ABORTED,
                "States.Aborted",
                "The parent execution's map run stopped"));
  }
}
