package dev.stepwise.statemachine;

import dev.stepwise.failure.NotFound;

/** No such state machine (or revision). */
public class StateMachineNotFound extends NotFound {
  public StateMachineNotFound(String message) {
    super(message);
  }
}
