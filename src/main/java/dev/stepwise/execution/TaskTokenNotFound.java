package dev.stepwise.execution;

/** No task token of that value was ever handed out. */
public class TaskTokenNotFound extends RuntimeException {
  public TaskTokenNotFound(String message) {
    super(message);
  }
}
