package dev.stepwise.asl.path;

import dev.stepwise.asl.StatesError;
import java.util.Map;

/**
 * What a path can read while a state runs: the state's input ({@code $…}), the context object
 * ({@code $$…}) and the variables in scope ({@code $name…}).
 */
public record Bindings(Object input, Object context, Map<String, Object> variables) {

  public Bindings(Object input, Object context) {
    this(input, context, Map.of());
  }

  public Bindings withInput(Object newInput) {
    return new Bindings(newInput, context, variables);
  }

  /**
   * Reads a path.
   *
   * @throws com.jayway.jsonpath.PathNotFoundException when a definite path selects nothing
   * @throws StatesError {@code States.Runtime} for a reference to an undefined variable
   */
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
    return JsonPathQuery.read("$" + path.substring(end), variables.get(name), context);
  }

  private static boolean isVariableStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isVariablePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
