package dev.stepwise.statemachine;

/** No such state machine (or revision). */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}
