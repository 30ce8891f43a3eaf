package dev.stepwise.callback;

import dev.stepwise.failure.NotFound;

/** No such activity. */
public class ActivityNotFound extends NotFound {
  ActivityNotFound(String message) {
    super(message);
  }
}
