package dev.stepwise.asl;

/**
 * An ASL runtime error: the error name that {@code Retry} and {@code Catch} match, and its cause.
 * Thrown by path evaluation and the interpreter; the runtime turns it into a failed state.
 */
public class StatesError extends RuntimeException {
  private final String error;
  private final String cause;

  public StatesError(String error, String cause) {
    super(error + ": " + cause, null, false, false);
    this.error = error;
    this.cause = cause;
  }

  public String error() {
    return error;
  }

  public String cause() {
    return cause;
  }

  public static StatesError runtime(String cause) {
    return new StatesError(ErrorNames.RUNTIME, cause);
  }
}
