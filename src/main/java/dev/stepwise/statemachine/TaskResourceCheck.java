package dev.stepwise.statemachine;

/**
 * Whether a Task's {@code Resource} can be run here. Provided by the module that dispatches tasks,
 * so that a definition naming a resource no route covers is refused when it is created.
 */
public interface TaskResourceCheck {
  boolean isRunnable(String resource);
}
