package dev.stepwise.retention;

import dev.stepwise.failure.NotFound;

/** The state machine whose retention was asked for does not exist. */
public class RetentionTargetNotFound extends NotFound {
  RetentionTargetNotFound(String stateMachine) {
    super("State machine '" + stateMachine + "' does not exist");
  }
}
