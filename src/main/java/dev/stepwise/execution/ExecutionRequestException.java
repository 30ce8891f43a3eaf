package dev.stepwise.execution;

/** A request about executions that cannot be served as asked (payload too large, ...). */
public class ExecutionRequestException extends RuntimeException {
  private final int status;

  public ExecutionRequestException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
