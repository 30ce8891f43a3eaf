package dev.stepwise.retention;

import dev.stepwise.failure.InvalidInput;

/** A retention period out of bounds. */
public class InvalidRetention extends InvalidInput {
  InvalidRetention(String message) {
    super(message);
  }
}
