package dev.stepwise.asl.intrinsic;

import dev.stepwise.asl.Diagnostic;
import dev.stepwise.asl.ErrorNames;
import dev.stepwise.asl.StatesError;
import dev.stepwise.asl.intrinsic.Expression.FunctionCall;
import dev.stepwise.asl.path.Bindings;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code States.*} intrinsic functions, usable as the value of a {@code .$} key. */
public final class IntrinsicFunctions {
  /** The code of every diagnostic {@link #validate} adds. */
  public static final String INVALID_INTRINSIC_FUNCTION = "INVALID_INTRINSIC_FUNCTION";

  private static final int CACHE_SIZE = 1024;

  /** Parsed expressions, least recently used first; definitions repeat the same few strings. */
  private static final Map<String, FunctionCall> PARSED =
      Collections.synchronizedMap(
          new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, FunctionCall> eldest) {
              return size() > CACHE_SIZE;
            }
          });

  private IntrinsicFunctions() {}

  /** Whether a {@code .$} value is an intrinsic function call rather than a path. */
  public static boolean isCall(String expression) {
    return expression.startsWith("States.");
  }

  /**
   * Adds a diagnostic (code {@link #INVALID_INTRINSIC_FUNCTION}, location {@code pointer}) for each
   * problem of {@code expression} that shows without running it: a syntax error, an unknown
   * function, a wrong number of arguments, a States.Format string whose placeholders do not match
   * its values, an invalid path argument, or more than 10 nested calls.
   */
  public static void validate(String expression, String pointer, List<Diagnostic> diagnostics) {
    List<String> problems;
    try {
      problems = IntrinsicValidator.problems(parse(expression));
    } catch (IntrinsicSyntaxException e) {
      problems = List.of(e.getMessage());
    }
    for (String problem : problems) {
      diagnostics.add(
          new Diagnostic(
              INVALID_INTRINSIC_FUNCTION,
              "Invalid intrinsic function call '" + expression + "': " + problem,
              pointer));
    }
  }

  /**
   * Evaluates a call.
   *
   * @throws StatesError {@code States.IntrinsicFailure} for a call that cannot be evaluated (a
   *     syntax error, an unknown function, wrong argument count or type, bad JSON, an index out of
   *     range, ...); {@code States.Runtime} from {@link Bindings#read} for an undefined variable
   * @throws IntrinsicPathNotFoundException when a path argument selects nothing; AWS raises {@code
   *     States.Runtime} with a cause naming the field, so the caller, which knows the field,
   *     translates it (see {@link IntrinsicPathNotFoundException#cause})
   */
  public static Object evaluate(String expression, Bindings bindings) {
    FunctionCall call;
    try {
      call = parse(expression);
    } catch (IntrinsicSyntaxException e) {
      throw new StatesError(
          ErrorNames.INTRINSIC_FAILURE,
          "Invalid intrinsic function call '" + expression + "': " + e.getMessage());
    }
    return Evaluator.evaluate(call, bindings);
  }

  private static FunctionCall parse(String expression) {
    FunctionCall call = PARSED.get(expression);
    if (call == null) {
      call = IntrinsicParser.parse(expression);
      PARSED.put(expression, call);
    }
    return call;
  }
}
