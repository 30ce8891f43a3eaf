package dev.stepwise.execution;

import org.springframework.stereotype.Component;

/** Ends an execution whose own {@code TimeoutSeconds} ran out. */
@Component
class TimeoutHandler extends TerminatingHandler {
  TimeoutHandler(Stepper stepper, Termination termination) {
    super(
        stepper,
        termination,
        WorkKinds.TIMEOUT,
        ExecutionStatus.TIMED_OUT,
        "States.Timeout",
        "The execution ran longer than its TimeoutSeconds");
  }
}
