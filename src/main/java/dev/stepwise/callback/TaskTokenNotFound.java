package dev.stepwise.callback;

import dev.stepwise.failure.NotFound;

/** No task token of that value was ever handed out. */
public class TaskTokenNotFound extends NotFound {
  TaskTokenNotFound(String message) {
    super(message);
  }
}
