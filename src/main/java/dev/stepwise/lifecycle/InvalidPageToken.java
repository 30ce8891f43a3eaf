package dev.stepwise.lifecycle;

import dev.stepwise.failure.InvalidInput;

/** A page token this service did not hand out (or that was altered). */
public class InvalidPageToken extends InvalidInput {
  InvalidPageToken(String message) {
    super(message);
  }
}
