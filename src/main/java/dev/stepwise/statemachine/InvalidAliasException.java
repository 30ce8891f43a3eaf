package dev.stepwise.statemachine;

/**
 * An alias that cannot be stored as asked: a bad name or description, or a routing that is not one
 * or two existing versions with whole weights summing to 100.
 */
public class InvalidAliasException extends RuntimeException {
  public InvalidAliasException(String message) {
    super(message);
  }
}
