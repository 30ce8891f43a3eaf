package dev.stepwise.execution;

import dev.stepwise.failure.NotFound;

/** No such activity. */
public class ActivityNotFound extends NotFound {
  public ActivityNotFound(String message) {
    super(message);
  }
}
