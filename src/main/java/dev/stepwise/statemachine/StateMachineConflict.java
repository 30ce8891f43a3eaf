package dev.stepwise.statemachine;

/** The request contradicts what exists (a name taken with another definition). */
public class StateMachineConflict extends RuntimeException {
  public StateMachineConflict(String message) {
    super(message);
  }
}
