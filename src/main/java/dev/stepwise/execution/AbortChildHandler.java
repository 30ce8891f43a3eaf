package dev.stepwise.execution;

import org.springframework.stereotype.Component;

/** Aborts a child execution in its own transaction, for a parent that stopped or moved on. */
@Component
class AbortChildHandler extends TerminatingHandler {
  AbortChildHandler(Stepper stepper, Termination termination) {
    super(
        stepper,
        termination,
        WorkKinds.ABORT_CHILD,
        ExecutionStatus.ABORTED,
        "States.Aborted",
        "The parent execution's map run stopped");
  }
}
