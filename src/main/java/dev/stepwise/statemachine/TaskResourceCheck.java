package dev.stepwise.statemachine;

import dev.stepwise.asl.Diagnostic;
import dev.stepwise.asl.model.TaskState;
import java.util.List;

/**
 * Whether a Task's {@code Resource} can be run here. Provided by the module that dispatches tasks,
 * so that a definition naming a resource no route covers is refused when it is created.
 */
public interface TaskResourceCheck {
  boolean isRunnable(String resource);

  /**
   * What the state would call that may not be called (a URL the egress policy denies, a connection
   * that is not configured), as diagnostics under {@code location}, the state's JSON pointer. Only
   * what the definition spells out literally is judged; computed values are judged when called.
   */
  default List<Diagnostic> destinationProblems(TaskState task, String location) {
    return List.of();
  }
}
