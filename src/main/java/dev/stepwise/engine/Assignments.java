package dev.stepwise.engine;

import dev.stepwise.asl.ErrorNames;
import dev.stepwise.asl.Json;
import dev.stepwise.asl.StatesError;
import dev.stepwise.asl.jsonata.JsonataScope;
import dev.stepwise.asl.jsonata.Template;
import dev.stepwise.asl.model.PayloadTemplate;
import dev.stepwise.asl.path.Bindings;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code Assign}: every value of one state is computed from the variables as they were before the
 * state, then all are stored at once.
 */
final class Assignments {
  private Assignments() {}

  /** A JSONPath state's {@code Assign}: {@code .$} values read {@code bindings} (the result). */
  static Map<String, Object> jsonPath(
      Template assign, Bindings bindings, Map<String, Object> current, int limitBytes) {
    if (assign == null) return current;
    @SuppressWarnings("unchecked")
    var values = (Map<String, Object>) new PayloadTemplate(assign.value()).evaluate(bindings);
    return merged(current, values, limitBytes);
  }

  static Map<String, Object> jsonata(
      Template assign, JsonataScope scope, Map<String, Object> current, int limitBytes) {
    if (assign == null) return current;
    @SuppressWarnings("unchecked")
    var values = (Map<String, Object>) assign.evaluate(scope, "Assign");
    return merged(current, values, limitBytes);
  }

  /**
   * The variables a state's {@code Assign} set, with the values they now hold, for its StateExited
   * event (AWS's {@code assignedVariables}); null when it has no Assign.
   */
  static Map<String, Object> assigned(Template assign, Map<String, Object> variables) {
    if (assign == null || !(assign.value() instanceof Map<?, ?> fields) || fields.isEmpty()) {
      return null;
    }
    var assigned = new LinkedHashMap<String, Object>();
    for (Object key : fields.keySet()) {
      String name = (String) key;
      if (name.endsWith(".$")) name = name.substring(0, name.length() - 2);
      if (variables.containsKey(name)) assigned.put(name, variables.get(name));
    }
    return assigned;
  }

  private static Map<String, Object> merged(
      Map<String, Object> current, Map<String, Object> values, int limitBytes) {
    if (values.isEmpty()) return current;
    int total = 0;
    for (var entry : values.entrySet()) {
      int size = written(entry.getKey(), entry.getValue()).getBytes(StandardCharsets.UTF_8).length;
      total += size;
      if (size > limitBytes || total > limitBytes) {
        throw new StatesError(
            ErrorNames.DATA_LIMIT_EXCEEDED,
            "The variables assigned by the state exceed the maximum size of "
                + limitBytes
                + " bytes (variable '"
                + entry.getKey()
                + "').");
      }
    }
    var next = new LinkedHashMap<>(current);
    next.putAll(values);
    return next;
  }

  /** A variable's value as JSON text; one nested too deeply fails with {@code States.Runtime}. */
  private static String written(String name, Object value) {
    try {
      return Json.writeValue(value);
    } catch (Json.TooDeepException e) {
      throw StatesError.runtime(
          "The variable '"
              + name
              + "' is nested deeper than the limit of "
              + Json.MAX_DEPTH
              + " levels");
    }
  }
}
