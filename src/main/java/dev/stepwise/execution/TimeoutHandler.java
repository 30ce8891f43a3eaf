package dev.stepwise.execution;

import dev.stepwise.queue.WorkHandler;
import dev.stepwise.queue.WorkItem;
import org.springframework.stereotype.Component;

/** Ends an execution whose own {@code TimeoutSeconds} ran out. */
@Component
class TimeoutHandler implements WorkHandler {
  private final Stepper stepper;
  private final Termination termination;

  TimeoutHandler(Stepper stepper, Termination termination) {
    this.stepper = stepper;
    this.termination = termination;
  }

  @Override
  public String kind() {
    return WorkKinds.TIMEOUT;
  }

  @Override
  public void handle(WorkItem item) {
    stepper.settle(
        item,
        session ->
            termination.terminate(
                session,
                ExecutionStatus.TIMED_OUT,
                "States.Timeout",
                "The execution ran longer than its TimeoutSeconds"));
  }
}
