package dev.stepwise.callback;

import dev.stepwise.failure.Conflict;

/** A task token whose state no longer waits for an answer (answered, timed out or stopped). */
public class TaskNotWaiting extends Conflict {
  TaskNotWaiting(String message) {
    super(message);
  }
}
