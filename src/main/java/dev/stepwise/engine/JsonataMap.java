package dev.stepwise.engine;

import dev.stepwise.asl.ErrorNames;
import dev.stepwise.asl.Json;
import dev.stepwise.asl.StatesError;
import dev.stepwise.asl.jsonata.JsonataExpression;
import dev.stepwise.asl.jsonata.JsonataScope;
import dev.stepwise.asl.jsonata.Template;
import dev.stepwise.asl.model.MapState;
import java.util.List;

/** The JSONata fields of a Map state: {@code Items}, {@code MaxConcurrency} and tolerances. */
final class JsonataMap {
  private JsonataMap() {}

  /** {@code Items}, or the state's input when absent; either must be an array. */
  static List<?> items(MapState map, JsonataScope scope) {
    Template items = map.flow().field("Items");
    if (items == null) {
      if (scope.input() instanceof List<?> list) return list;
      throw new StatesError(
          ErrorNames.QUERY_EVALUATION_ERROR,
          "Map state input must be an array but was: " + Json.write(scope.input()));
    }
    Object value = items.evaluate(scope, "Items");
    if (value instanceof List<?> list) return list;
    if (JsonataExpression.isExpression(items.value())) {
      throw JsonataExpression.of((String) items.value()).unexpectedType("Items", "array", value);
    }
    throw new StatesError(
        ErrorNames.QUERY_EVALUATION_ERROR,
        "The Items field must be an array: " + Json.write(value));
  }

  static int maxConcurrency(MapState map, JsonataScope scope) {
    if (map.flow().field("MaxConcurrency") == null) return map.maxConcurrency();
    long value = nonNegative(map, "MaxConcurrency", scope, true);
    return (int) Math.min(Integer.MAX_VALUE, value);
  }

  /**
   * Evaluates the tolerances so a bad expression fails as on AWS; for an inline Map the interpreter
   * does not apply them (a failed iteration fails the Map).
   */
  static void checkToleratedFailures(MapState map, JsonataScope scope) {
    toleratedFailureCount(map, scope, null);
    toleratedFailurePercentage(map, scope, null);
  }

  /** {@code ToleratedFailureCount}'s expression value, else {@code literal}. */
  static Long toleratedFailureCount(MapState map, JsonataScope scope, Long literal) {
    if (map.flow().field("ToleratedFailureCount") == null) return literal;
    return nonNegative(map, "ToleratedFailureCount", scope, true);
  }

  /** {@code ToleratedFailurePercentage}'s expression value (0 to 100), else {@code literal}. */
  static Double toleratedFailurePercentage(MapState map, JsonataScope scope, Double literal) {
    if (map.flow().field("ToleratedFailurePercentage") == null) return literal;
    Number value = nonNegativeNumber(map, "ToleratedFailurePercentage", scope, false);
    long percentage = value.longValue();
    if (percentage > 100) {
      throw new StatesError(
          ErrorNames.QUERY_EVALUATION_ERROR,
          "The ToleratedFailurePercentage field must be between 0 and 100, but was: " + percentage);
    }
    return value.doubleValue();
  }

  private static long nonNegative(
      MapState map, String field, JsonataScope scope, boolean integral) {
    return nonNegativeNumber(map, field, scope, integral).longValue();
  }

  private static Number nonNegativeNumber(
      MapState map, String field, JsonataScope scope, boolean integral) {
    Object value = map.flow().field(field).evaluate(scope, field);
    boolean valid =
        Json.isNumber(value)
            && (!integral || Json.isIntegral(value))
            && ((Number) value).doubleValue() >= 0;
    if (!valid) {
      throw new StatesError(
          ErrorNames.QUERY_EVALUATION_ERROR,
          "The "
              + field
              + " field must be a non-negative "
              + (integral ? "integer" : "number")
              + ", but was: "
              + Json.write(value));
    }
    return (Number) value;
  }
}
