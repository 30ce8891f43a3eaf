package dev.stepwise.lifecycle;

import dev.stepwise.failure.Conflict;

/**
 * The execution is not in a state that allows the request (not running, cannot be redriven, a name
 * taken with another input).
 */
public class ExecutionConflict extends Conflict {
  ExecutionConflict(String message) {
    super(message);
  }
}
