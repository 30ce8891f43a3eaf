package dev.stepwise.maprun;

import dev.stepwise.execution.ExecutionStatus;
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
        MapRunKinds.ABORT_CHILD,
        ExecutionStatus.ABORTED,
        "States.Aborted",
        "The parent execution's map run stopped");
  }
}
