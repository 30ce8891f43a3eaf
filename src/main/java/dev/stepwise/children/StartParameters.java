package dev.stepwise.children;

import dev.stepwise.asl.ErrorNames;
import dev.stepwise.asl.Json;
import dev.stepwise.engine.TaskOutcome;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a {@code states:startExecution} Task asks for, read from its payload with AWS's parameter
 * names: {@code StateMachineArn} (required), {@code Input} (a JSON value, or a string holding JSON
 * as AWS's API takes it; {@code {}} when absent) and {@code Name} (optional).
 *
 * @param name the execution's name, or null to let the Task's entry name it
 */
record StartParameters(String stateMachineArn, Object input, String name) {
  /** AWS's rule for execution names: 1 to 80 characters, none blank, bracket or wildcard. */
  private static final Pattern NAME = Pattern.compile("[^\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/]{1,80}");

  /** Parameters the Task cannot start an execution with; {@code failure} says why, as AWS. */
  static final class Refused extends RuntimeException {
    private final transient TaskOutcome.Failed failure;

    Refused(TaskOutcome.Failed failure) {
      super(failure.cause(), null, false, false);
      this.failure = failure;
    }

    TaskOutcome.Failed failure() {
      return failure;
    }
  }

  /**
   * Reads the parameters.
   *
   * @throws Refused when they cannot start an execution
   */
  static StartParameters from(Object payload) {
    if (!(payload instanceof Map<?, ?> parameters)) {
      throw runtime("must be an object, not " + Json.typeName(payload));
    }
    if (!(parameters.get("StateMachineArn") instanceof String arn)) {
      throw runtime(
          "need a StateMachineArn string, not " + Json.typeName(parameters.get("StateMachineArn")));
    }
    Object name = parameters.get("Name");
    if (name != null && !(name instanceof String)) {
      throw runtime("need a Name string, not " + Json.typeName(name));
    }
    if (name != null && !NAME.matcher((String) name).matches()) {
      throw new Refused(StepFunctionsErrors.invalidName((String) name));
    }
    return new StartParameters(arn, input(parameters.get("Input")), (String) name);
  }

  private static Object input(Object value) {
    if (value == null) return Map.of();
    if (!(value instanceof String text)) return value;
    try {
      return Json.parse(text);
    } catch (IllegalArgumentException e) {
      throw new Refused(
          StepFunctionsErrors.invalidExecutionInput(
              "Invalid State Machine Execution Input: '" + e.getMessage() + "'"));
    }
  }

  private static Refused runtime(String problem) {
    return new Refused(
        new TaskOutcome.Failed(
            ErrorNames.RUNTIME, "The parameters of a states:startExecution Task " + problem));
  }
}
