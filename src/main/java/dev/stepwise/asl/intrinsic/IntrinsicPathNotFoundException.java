package dev.stepwise.asl.intrinsic;

import dev.stepwise.asl.Json;

/**
 * A path argument of an intrinsic function selected nothing. AWS reports this as {@code
 * States.Runtime} with a cause naming the field, which only the caller knows, so the caller turns
 * this into a {@link dev.stepwise.asl.StatesError} (see {@link #cause(String, Object)}).
 */
public final class IntrinsicPathNotFoundException extends RuntimeException {
  private final String path;

  IntrinsicPathNotFoundException(String path, Throwable cause) {
    super("The JSONPath '" + path + "' could not be found", cause, false, false);
    this.path = path;
  }

  /** The path argument as written in the expression, e.g. {@code $$.Execution.Input.x}. */
  public String path() {
    return path;
  }

  /** The cause AWS gives, e.g. for {@code field} {@code "value.$"} and the state's input. */
  public String cause(String field, Object input) {
    return "The JSONPath '"
        + path
        + "' specified for the field '"
        + field
        + "' could not be found in the input '"
        + Json.write(input)
        + "'";
  }
}
