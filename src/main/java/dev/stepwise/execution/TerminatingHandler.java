package dev.stepwise.execution;

import dev.stepwise.execution.ExecutionRow.ExecutionStatus;
import dev.stepwise.queue.WorkHandler;
import dev.stepwise.queue.WorkItem;

/**
 * Work that ends a running execution from outside its states, in the execution's own transaction;
 * on an execution that has already ended, the item is just removed.
 */
public abstract class TerminatingHandler implements WorkHandler {
  private final WorkItemChanges itemChanges;
  private final Termination termination;
  private final String kind;
  private final ExecutionStatus status;
  private final String error;
  private final String cause;

  protected TerminatingHandler(
      WorkItemChanges itemChanges,
      Termination termination,
      String kind,
      ExecutionStatus status,
      String error,
      String cause) {
    this.itemChanges = itemChanges;
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
    itemChanges.settle(item, change -> termination.terminate(change, status, error, cause));
  }
}
