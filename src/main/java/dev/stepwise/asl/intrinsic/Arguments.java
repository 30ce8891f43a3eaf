package dev.stepwise.asl.intrinsic;

import dev.stepwise.asl.ErrorNames;
import dev.stepwise.asl.Json;
import dev.stepwise.asl.StatesError;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The evaluated arguments of one call, with typed accessors that raise {@code
 * States.IntrinsicFailure} when an argument has the wrong type. Indexes are 0-based; messages count
 * arguments from 1.
 */
final class Arguments {
  private static final int MAX_QUOTED_LENGTH = 100;

  private final String function;
  private final List<Expression> expressions;
  private final List<Object> values;
  private final RandomGenerator random;

  Arguments(
      String function, List<Expression> expressions, List<Object> values, RandomGenerator random) {
    this.function = function;
    this.expressions = expressions;
    this.values = values;
    this.random = random;
  }

  /** The step's random source (States.UUID, States.MathRandom without a seed). */
  RandomGenerator random() {
    return random;
  }

  int size() {
    return values.size();
  }

  List<Object> values() {
    return values;
  }

  Object value(int index) {
    return values.get(index);
  }

  /** The argument as written, for functions whose meaning depends on it (States.Format). */
  Expression expression(int index) {
    return expressions.get(index);
  }

  String string(int index) {
    return typed(index, String.class, "a string");
  }

  @SuppressWarnings("unchecked")
  List<Object> array(int index) {
    return typed(index, List.class, "an array");
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> object(int index) {
    return typed(index, Map.class, "a JSON object");
  }

  boolean bool(int index) {
    return typed(index, Boolean.class, "a boolean");
  }

  /**
   * A 32-bit integer. AWS rounds a non-integer number to the nearest integer, halves towards
   * positive infinity (1.5 to 2, -1.5 to -1), which is what {@link Math#round(double)} does.
   */
  int integer(int index) {
    Number number = typed(index, Number.class, "a number");
    BigDecimal exact = new BigDecimal(number.toString());
    BigDecimal rounded =
        exact.stripTrailingZeros().scale() <= 0
            ? exact
            : BigDecimal.valueOf(Math.round(number.doubleValue()));
    if (rounded.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0
        || rounded.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
      throw failure(
          "argument "
              + (index + 1)
              + " must be an integer between -2147483648 and 2147483647, but is "
              + number);
    }
    return rounded.intValueExact();
  }

  /** Like {@link #integer(int)} but without rounding: a fraction is an error. */
  int wholeNumber(int index) {
    Object value = value(index);
    if (!(value instanceof Number) || !Json.isIntegral(value)) {
      throw failure("argument " + (index + 1) + " must be an integer, but is " + describe(value));
    }
    return integer(index);
  }

  StatesError failure(String message) {
    return new StatesError(
        ErrorNames.INTRINSIC_FAILURE, "Invalid arguments in " + function + ": " + message);
  }

  private <T> T typed(int index, Class<T> type, String expected) {
    Object value = value(index);
    if (!type.isInstance(value)) {
      throw failure(
          "argument " + (index + 1) + " must be " + expected + ", but is " + describe(value));
    }
    return type.cast(value);
  }

  private static String describe(Object value) {
    String json = Json.write(value);
    if (json.length() > MAX_QUOTED_LENGTH) json = json.substring(0, MAX_QUOTED_LENGTH) + "...";
    return Json.typeName(value) + " " + json;
  }
}
