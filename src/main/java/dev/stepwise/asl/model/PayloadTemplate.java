package dev.stepwise.asl.model;

import dev.stepwise.asl.Json;
import dev.stepwise.asl.StatesError;
import dev.stepwise.asl.intrinsic.IntrinsicFunctions;
import dev.stepwise.asl.intrinsic.IntrinsicPathNotFoundException;
import dev.stepwise.asl.path.Bindings;
import dev.stepwise.asl.path.PathNotFound;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code Parameters}, {@code ResultSelector} or {@code ItemSelector} value: JSON in which keys
 * ending in {@code .$} hold paths or intrinsic functions, evaluated against the state's input.
 */
public record PayloadTemplate(Object template) {

  /** The template with every {@code .$} entry replaced by its value under {@code bindings}. */
  public Object evaluate(Bindings bindings) {
    return evaluate(template, bindings);
  }

  @SuppressWarnings("unchecked")
  private static Object evaluate(Object node, Bindings bindings) {
    if (node instanceof Map<?, ?> map) {
      var out = new LinkedHashMap<String, Object>(map.size() * 2);
      for (var entry : ((Map<String, Object>) map).entrySet()) {
        String key = entry.getKey();
        if (key.endsWith(".$") && entry.getValue() instanceof String expression) {
          out.put(key.substring(0, key.length() - 2), resolve(key, expression, bindings));
        } else {
          out.put(key, evaluate(entry.getValue(), bindings));
        }
      }
      return out;
    }
    if (node instanceof List<?> list) {
      var out = new ArrayList<Object>(list.size());
      for (Object item : list) out.add(evaluate(item, bindings));
      return out;
    }
    return node;
  }

  private static Object resolve(String key, String expression, Bindings bindings) {
    try {
      if (IntrinsicFunctions.isCall(expression)) {
        return IntrinsicFunctions.evaluate(expression, bindings);
      }
      return Json.copy(bindings.read(expression));
    } catch (IntrinsicPathNotFoundException e) {
      throw StatesError.runtime(e.cause(key, bindings.input()));
    } catch (PathNotFound e) {
      throw StatesError.runtime(
          "The JSONPath '"
              + expression
              + "' specified for the field '"
              + key
              + "' could not be found in the input '"
              + Json.write(bindings.input())
              + "'");
    }
  }
}
