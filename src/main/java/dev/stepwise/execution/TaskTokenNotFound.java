package dev.stepwise.execution;

import dev.stepwise.failure.NotFound;

/** No task token of that value was ever handed out. */
public class TaskTokenNotFound extends NotFound {
  public TaskTokenNotFound(String message) {
    super(message);
  }
}
