package dev.stepwise.asl.jsonata;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a JSONata expression of a state can read: the reserved {@code $states} variable ({@code
 * input}, {@code context}, and {@code result} or {@code errorOutput} once there is one) and the
 * workflow variables in scope.
 */
public record JsonataScope(Map<String, Object> states, Map<String, Object> variables) {

  public static JsonataScope of(Object input, Object context, Map<String, Object> variables) {
    var states = new LinkedHashMap<String, Object>();
    states.put("input", input);
    states.put("context", context);
    return new JsonataScope(states, variables);
  }

  public JsonataScope withResult(Object result) {
    return with("result", result);
  }

  public JsonataScope withErrorOutput(Object errorOutput) {
    return with("errorOutput", errorOutput);
  }

  public JsonataScope withContext(Object context) {
    return with("context", context);
  }

  public Object input() {
    return states.get("input");
  }

  private JsonataScope with(String key, Object value) {
    var copy = new LinkedHashMap<>(states);
    copy.put(key, value);
    return new JsonataScope(copy, variables);
  }
}
