package dev.stepwise.statemachine;

import dev.stepwise.asl.Diagnostic;
import dev.stepwise.asl.model.TaskState;
import java.util.List;

/**
 * Whether a Task state can be run here: its {@code Resource}, and for the integrations Stepwise
 * gives a meaning to, the parameters that say where it goes (a Lambda function's name, a state
 * machine's ARN). Provided by the module that dispatches tasks, so that a definition naming what
 * nothing here serves is refused when it is created.
 */
public interface TaskResourceCheck {
  /**
   * What is wrong with a Task: each a diagnostic code, a message, and the JSON pointer of the field
   * at fault relative to the state ({@code /Resource}, {@code /Parameters/FunctionName}). Empty
   * when the Task can run.
   */
  List<Problem> problems(TaskState task);

  /** One problem of a Task state. */
  record Problem(String code, String message, String field) {}

  /**
   * What the state would call that may not be called (a URL the egress policy denies, a connection
   * that is not configured), as diagnostics under {@code location}, the state's JSON pointer. Only
   * what the definition spells out literally is judged; computed values are judged when called.
   */
  default List<Diagnostic> destinationProblems(TaskState task, String location) {
    return List.of();
  }
}
