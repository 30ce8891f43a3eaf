package dev.stepwise.lifecycle;

import dev.stepwise.failure.NotFound;

/** No such execution. */
class ExecutionNotFound extends NotFound {
  ExecutionNotFound(String message) {
    super(message);
  }
}
