package dev.stepwise.asl.jsonata;

import dev.stepwise.asl.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A JSON value in which any string that is {@code "{% … %}"} as a whole is a JSONata expression
 * ({@code Arguments}, {@code Output}, {@code Assign}, {@code Items}, …). In a JSONPath state the
 * same value is kept as written and read by the JSONPath rules instead.
 */
public record Template(Object value) {

  /** The value with every expression replaced by its result. */
  public Object evaluate(JsonataScope scope, String field) {
    return evaluate(value, scope, field);
  }

  /** Calls {@code action} with the field path and expression of every expression inside. */
  public void forEachExpression(String field, BiConsumer<String, JsonataExpression> action) {
    forEach(value, field, action);
  }

  private static Object evaluate(Object node, JsonataScope scope, String field) {
    if (JsonataExpression.isExpression(node)) {
      return JsonataExpression.of((String) node).evaluate(scope, field);
    }
    if (node instanceof Map<?, ?> map) {
      var out = new LinkedHashMap<String, Object>(map.size() * 2);
      for (var entry : map.entrySet()) {
        String key = (String) entry.getKey();
        out.put(key, evaluate(entry.getValue(), scope, field + "/" + key));
      }
      return out;
    }
    if (node instanceof List<?> list) {
      var out = new ArrayList<Object>(list.size());
      for (int i = 0; i < list.size(); i++) out.add(evaluate(list.get(i), scope, field + "/" + i));
      return out;
    }
    return Json.copy(node);
  }

  private static void forEach(
      Object node, String field, BiConsumer<String, JsonataExpression> action) {
    if (JsonataExpression.isExpression(node)) {
      action.accept(field, JsonataExpression.of((String) node));
    } else if (node instanceof Map<?, ?> map) {
      map.forEach((key, v) -> forEach(v, field + "/" + key, action));
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) forEach(list.get(i), field + "/" + i, action);
    }
  }
}
