package dev.stepwise.statemachine;

import dev.stepwise.failure.InvalidInput;

/**
 * An alias that cannot be stored as asked: a bad name or description, or a routing that is not one
 * or two existing versions with whole weights summing to 100.
 */
public class InvalidAliasException extends InvalidInput {
  public InvalidAliasException(String message) {
    super(message);
  }
}
