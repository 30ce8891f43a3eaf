package dev.stepwise.execution;

/** No such activity. */
public class ActivityNotFound extends RuntimeException {
  public ActivityNotFound(String message) {
    super(message);
  }
}
