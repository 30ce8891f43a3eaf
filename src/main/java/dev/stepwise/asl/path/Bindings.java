package dev.stepwise.asl.path;

import dev.stepwise.asl.StatesError;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * What a path can read while a state runs: the state's input ({@code $…}), the context object
 * ({@code $$…}) and the variables in scope ({@code $name…}); and the random source that {@code
 * States.UUID} and {@code States.MathRandom} draw from (the step's, so evaluation stays a function
 * of its inputs).
 */
public record Bindings(
    Object input, Object context, Map<String, Object> variables, RandomGenerator random) {

  /** For callers with no step context (tests, validation): a fresh random source. */
  public Bindings(Object input, Object context, Map<String, Object> variables) {
    this(input, context, variables, new SplittableRandom());
  }

  public Bindings(Object input, Object context) {
    this(input, context, Map.of());
  }

  public Bindings withInput(Object newInput) {
    return new Bindings(newInput, context, variables, random);
  }

  /**
   * Reads a path.
   *
   * @throws PathNotFound when a definite path selects nothing
   * @throws StatesError {@code States.Runtime} for a reference to an undefined variable
   */
  public Bindings withVariables(Map<String, Object> newVariables) {
    return new Bindings(input, context, newVariables, random);
  }

  /** Whether {@code name} can name a variable: a letter or "_", then letters, digits or "_". */
  public static boolean isVariableName(String name) {
    if (name.isEmpty() || !isVariableStart(name.charAt(0))) return false;
    for (int i = 1; i < name.length(); i++) {
      if (!isVariablePart(name.charAt(i))) return false;
    }
    return true;
  }

  public Object read(String path) {
    if (path.startsWith("$$") || path.equals("$") || !isVariableStart(path.charAt(1))) {
      return JsonPathQuery.read(path, input, context);
    }
    int end = 1;
    while (end < path.length() && isVariablePart(path.charAt(end))) end++;
    String name = path.substring(1, end);
    if (!variables.containsKey(name)) {
      throw StatesError.runtime("The variable '" + name + "' is not defined");
    }
    Object value = variables.get(name);
    if (end == path.length()) return value;
    if (value == null) {
      throw new PathNotFound("Missing property in path $" + path.substring(end), null);
    }
    return JsonPathQuery.read("$" + path.substring(end), value, context);
  }

  static boolean isVariableStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  static boolean isVariablePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
