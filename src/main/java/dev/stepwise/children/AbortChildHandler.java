package dev.stepwise.children;

import dev.stepwise.execution.ExecutionRow.ExecutionStatus;
import dev.stepwise.execution.TerminatingHandler;
import dev.stepwise.execution.Termination;
import dev.stepwise.execution.WorkItemChanges;
import org.springframework.stereotype.Component;

/** Aborts a child execution in its own transaction, for a parent that stopped or moved on. */
@Component
class AbortChildHandler extends TerminatingHandler {
  AbortChildHandler(WorkItemChanges itemChanges, Termination termination) {
    super(
        itemChanges,
        termination,
        ChildKinds.ABORT_CHILD,
        ExecutionStatus.ABORTED,
        "States.Aborted",
        "The parent execution stopped, or no longer waits for this execution");
  }
}
