package dev.stepwise.execution;

/** No such execution. */
public class ExecutionNotFound extends RuntimeException {
  public ExecutionNotFound(String message) {
    super(message);
  }
}
