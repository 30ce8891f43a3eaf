package dev.stepwise.execution;

import dev.stepwise.failure.NotFound;

/** No such execution. */
public class ExecutionNotFound extends NotFound {
  public ExecutionNotFound(String message) {
    super(message);
  }
}
