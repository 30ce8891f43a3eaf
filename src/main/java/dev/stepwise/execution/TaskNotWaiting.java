package dev.stepwise.execution;

/** A task token whose state no longer waits for an answer (answered, timed out or stopped). */
public class TaskNotWaiting extends RuntimeException {
  public TaskNotWaiting(String message) {
    super(message);
  }
}
