package dev.stepwise.asl.intrinsic;

import dev.stepwise.asl.Diagnostic;
import dev.stepwise.asl.path.Bindings;
import java.util.List;

/** The {@code States.*} intrinsic functions, usable as the value of a {@code .$} key. */
public final class IntrinsicFunctions {
  private IntrinsicFunctions() {}

  /** Whether a {@code .$} value is an intrinsic function call rather than a path. */
  public static boolean isCall(String expression) {
    return expression.startsWith("States.");
  }

  /** Adds a diagnostic for each syntax problem of {@code expression} (an unknown function, ...). */
  public static void validate(String expression, String pointer, List<Diagnostic> diagnostics) {}

  /**
   * Evaluates a call.
   *
   * @throws dev.stepwise.asl.StatesError {@code States.IntrinsicFailure} or {@code
   *     States.Runtime} as AWS raises them
   */
  public static Object evaluate(String expression, Bindings bindings) {
    throw new UnsupportedOperationException("intrinsic functions are not supported yet");
  }
}
