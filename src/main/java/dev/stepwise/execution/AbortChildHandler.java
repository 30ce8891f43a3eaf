package dev.stepwise.execution;

import org.springframework.stereotype.Component;

/** Aborts a child execution in its own transaction, for a parent that stopped or moved on. */
@Component
class AbortChildHandler extends TerminatingHandler {
  AbortChildHandler(WorkItemChanges itemChanges, Termination termination) {
    super(
        itemChanges,
        termination,
        WorkKinds.ABORT_CHILD,
        ExecutionStatus.ABORTED,
        "States.Aborted",
        "The parent execution's map run stopped");
  }
}
