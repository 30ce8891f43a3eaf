package dev.stepwise.execution;

import dev.stepwise.queue.WorkHandler;
import dev.stepwise.queue.WorkItem;

/**
 * Work that ends a running execution from outside its states, in the execution's own
 * transaction; on an execution that has already ended, the item is just removed.
 */
abstract class TerminatingHandler implements WorkHandler {
  private final Stepper stepper;
  private final Termination termination;
  private final String kind;
  private final ExecutionStatus status;
  private final String error;
  private final String cause;

  TerminatingHandler(
      Stepper stepper,
      Termination termination,
      String kind,
      ExecutionStatus status,
      String error,
      String cause) {
    this.stepper = stepper;
    this.termination = termination;
    this.kind = kind;
    this.status = status;
    this.error = error;
    this.cause = cause;
  }

  @Override
  public String kind() {
    return kind;
  }

  @Override
  public void handle(WorkItem item) {
    stepper.settle(item, session -> termination.terminate(session, status, error, cause));
  }
}
