package dev.stepwise.execution;

import dev.stepwise.execution.ExecutionRow.ExecutionStatus;
import org.springframework.stereotype.Component;

/** Ends an execution whose own {@code TimeoutSeconds} ran out. */
@Component
class TimeoutHandler extends TerminatingHandler {
  TimeoutHandler(WorkItemChanges itemChanges, Termination termination) {
    super(
        itemChanges,
        termination,
        WorkKinds.TIMEOUT,
        ExecutionStatus.TIMED_OUT,
        "States.Timeout",
        "The execution ran longer than its TimeoutSeconds");
  }
}
