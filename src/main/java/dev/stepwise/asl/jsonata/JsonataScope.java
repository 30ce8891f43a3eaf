package dev.stepwise.asl.jsonata;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * What a JSONata expression of a state can read: the reserved {@code $states} variable ({@code
 * input}, {@code context}, and {@code result} or {@code errorOutput} once there is one) and the
 * workflow variables in scope; and the step's random source ({@code $random}, {@code $uuid}).
 */
public record JsonataScope(
    Map<String, Object> states, Map<String, Object> variables, RandomGenerator random) {

  public static JsonataScope of(
      Object input, Object context, Map<String, Object> variables, RandomGenerator random) {
    var states = new LinkedHashMap<String, Object>();
    states.put("input", input);
    states.put("context", context);
    return new JsonataScope(states, variables, random);
  }

  /** For callers with no step context (tests): a fresh random source. */
  public static JsonataScope of(Object input, Object context, Map<String, Object> variables) {
    return of(input, context, variables, new SplittableRandom());
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
    return new JsonataScope(copy, variables, random);
  }
}
