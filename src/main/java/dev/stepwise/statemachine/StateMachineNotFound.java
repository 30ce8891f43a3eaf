package dev.stepwise.statemachine;

/** No such state machine (or revision). */
public class StateMachineNotFound extends RuntimeException {
  public StateMachineNotFound(String message) {
    super(message);
  }
}
