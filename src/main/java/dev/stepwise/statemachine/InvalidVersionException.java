package dev.stepwise.statemachine;

/** A version that cannot be published as asked (its description is too long). */
public class InvalidVersionException extends RuntimeException {
  public InvalidVersionException(String message) {
    super(message);
  }
}
