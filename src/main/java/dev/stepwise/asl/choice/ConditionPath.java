package dev.stepwise.asl.choice;

import com.jayway.jsonpath.JsonPathException;
import dev.stepwise.asl.StatesError;
import dev.stepwise.asl.path.Bindings;
import dev.stepwise.asl.path.JsonPathQuery;
import dev.stepwise.asl.path.PathNotFound;

/**
 * A path in a choice rule ({@code Variable} or a {@code …Path} operand): the input ({@code $…}),
 * the context object ({@code $$…}) or a variable ({@code $name…}).
 */
record ConditionPath(String text) {

  static boolean isValid(String text) {
    if (text == null || !text.startsWith("$")) return false;
    if (text.length() == 1 || text.startsWith("$$") || !isVariableStart(text.charAt(1))) {
      return JsonPathQuery.isValid(text);
    }
    int end = 1;
    while (end < text.length() && isVariablePart(text.charAt(end))) end++;
    return JsonPathQuery.isValid("$" + text.substring(end));
  }

  /** Whether the path selects a value, null included ({@code IsPresent}). */
  boolean selectsValue(Bindings bindings) {
    try {
      bindings.read(text);
      return true;
    } catch (PathNotFound | JsonPathException e) {
      return false;
    }
  }

  /**
   * The value the path selects.
   *
   * @throws StatesError {@code States.Runtime}, as AWS fails the execution when a choice rule's
   *     path selects nothing
   */
  Object read(Bindings bindings) {
    try {
      return bindings.read(text);
    } catch (PathNotFound | JsonPathException e) {
      throw StatesError.runtime(
          "Invalid path '"
              + text
              + "': The choice state's condition path references an invalid value.");
    }
  }

  private static boolean isVariableStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isVariablePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
