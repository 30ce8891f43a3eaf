package dev.stepwise.api;

import dev.stepwise.asl.Json;
import dev.stepwise.asl.UnrepresentableNumberException;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Says in plain words why a request body could not be read. Jackson's own messages name Java types
 * and its internals, which mean nothing to a client.
 */
final class RequestBodyProblems {
  private RequestBodyProblems() {}

  static String describe(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof UnrepresentableNumberException e)
        return e.plainMessage() + at(e.getLocation());
      if (t instanceof StreamConstraintsException e) return Json.plainMessage(e);
      if (t instanceof MismatchedInputException e) return mismatch(e);
      if (t instanceof JacksonException e)
        return "Malformed JSON: " + syntax(e) + at(e.getLocation());
      if (t.getCause() == t) break;
    }
    return "The request body could not be read";
  }

  private static String mismatch(MismatchedInputException e) {
    String field =
        e.getPath().stream()
            .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
            .collect(Collectors.joining("."));
    String expected = typeName(e.getTargetType());
    if (field.isEmpty()) return "The request body must be " + expected;
    return "'" + field + "' must be " + expected;
  }

  private static String typeName(Class<?> type) {
    if (type == null || JsonNode.class.isAssignableFrom(type) || type == Object.class) {
      return "a JSON value";
    }
    if (CharSequence.class.isAssignableFrom(type)) return "a string";
    if (type == Boolean.class || type == boolean.class) return "a boolean";
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "an integer";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) return "a number";
    if (Collection.class.isAssignableFrom(type) || type.isArray()) return "an array";
    if (Map.class.isAssignableFrom(type) || type.isRecord()) return "an object";
    return "of another type";
  }

  /** The parser's message without the source excerpt and marker positions it appends. */
  private static String syntax(JacksonException e) {
    String message = String.valueOf(e.getOriginalMessage());
    int marker = message.indexOf(" (start marker at");
    if (marker >= 0) message = message.substring(0, marker);
    return message.replace("`", "'");
  }

  private static String at(TokenStreamLocation location) {
    if (location == null || location.getLineNr() < 1) return "";
    return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }
}
