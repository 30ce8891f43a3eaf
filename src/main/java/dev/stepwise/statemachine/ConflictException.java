package dev.stepwise.statemachine;

/** The request contradicts what exists (a name taken with another definition, ...). */
public class ConflictException extends RuntimeException {
  public ConflictException(String message) {
    super(message);
  }
}
