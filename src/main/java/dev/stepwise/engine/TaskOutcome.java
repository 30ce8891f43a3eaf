package dev.stepwise.engine;

/** How a Task's call ended: a result, or an ASL error name and cause. */
public sealed interface TaskOutcome {
  record Succeeded(Object result) implements TaskOutcome {}

  record Failed(String error, String cause) implements TaskOutcome {}
}
