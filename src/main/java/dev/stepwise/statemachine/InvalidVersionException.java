package dev.stepwise.statemachine;

import dev.stepwise.failure.InvalidInput;

/** A version that cannot be published as asked (its description is too long). */
public class InvalidVersionException extends InvalidInput {
  public InvalidVersionException(String message) {
    super(message);
  }
}
