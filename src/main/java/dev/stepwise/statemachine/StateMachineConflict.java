package dev.stepwise.statemachine;

import dev.stepwise.failure.Conflict;

/** The request contradicts what exists (a name taken with another definition). */
public class StateMachineConflict extends Conflict {
  public StateMachineConflict(String message) {
    super(message);
  }
}
