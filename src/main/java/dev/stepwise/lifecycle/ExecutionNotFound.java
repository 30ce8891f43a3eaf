package dev.stepwise.lifecycle;

import dev.stepwise.failure.NotFound;

/** No such execution. */
public class ExecutionNotFound extends NotFound {
  ExecutionNotFound(String message) {
    super(message);
  }
}
