package dev.stepwise.asl.choice;

import dev.stepwise.asl.Timestamps;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/** The comparison operators of a choice rule, with the type of value each one takes. */
enum ComparisonOperator {
  STRING_EQUALS("StringEquals", OperandType.STRING, Relation.EQUAL),
  STRING_LESS_THAN("StringLessThan", OperandType.STRING, Relation.LESS),
  STRING_GREATER_THAN("StringGreaterThan", OperandType.STRING, Relation.GREATER),
  STRING_LESS_THAN_EQUALS("StringLessThanEquals", OperandType.STRING, Relation.LESS_OR_EQUAL),
  STRING_GREATER_THAN_EQUALS(
      "StringGreaterThanEquals", OperandType.STRING, Relation.GREATER_OR_EQUAL),
  STRING_MATCHES(
      "StringMatches",
      OperandType.WILDCARD_PATTERN,
      false,
      (actual, pattern) -> actual instanceof String s && ((WildcardPattern) pattern).matches(s)),
  NUMERIC_EQUALS("NumericEquals", OperandType.NUMBER, Relation.EQUAL),
  NUMERIC_LESS_THAN("NumericLessThan", OperandType.NUMBER, Relation.LESS),
  NUMERIC_GREATER_THAN("NumericGreaterThan", OperandType.NUMBER, Relation.GREATER),
  NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", OperandType.NUMBER, Relation.LESS_OR_EQUAL),
  NUMERIC_GREATER_THAN_EQUALS(
      "NumericGreaterThanEquals", OperandType.NUMBER, Relation.GREATER_OR_EQUAL),
  BOOLEAN_EQUALS("BooleanEquals", OperandType.BOOLEAN, Relation.EQUAL),
  TIMESTAMP_EQUALS("TimestampEquals", OperandType.TIMESTAMP, Relation.EQUAL),
  TIMESTAMP_LESS_THAN("TimestampLessThan", OperandType.TIMESTAMP, Relation.LESS),
  TIMESTAMP_GREATER_THAN("TimestampGreaterThan", OperandType.TIMESTAMP, Relation.GREATER),
  TIMESTAMP_LESS_THAN_EQUALS(
      "TimestampLessThanEquals", OperandType.TIMESTAMP, Relation.LESS_OR_EQUAL),
  TIMESTAMP_GREATER_THAN_EQUALS(
      "TimestampGreaterThanEquals", OperandType.TIMESTAMP, Relation.GREATER_OR_EQUAL),
  IS_NULL("IsNull", value -> value == null),
  // Only reached when the path selected something; a missing path is handled by Comparison.
  IS_PRESENT("IsPresent", value -> true),
  IS_NUMERIC("IsNumeric", value -> value instanceof Number),
  IS_STRING("IsString", value -> value instanceof String),
  IS_BOOLEAN("IsBoolean", value -> value instanceof Boolean),
  IS_TIMESTAMP("IsTimestamp", value -> value instanceof String s && Timestamps.parse(s) != null);

  private static final Map<String, ComparisonOperator> BY_FIELD = new HashMap<>();

  static {
    for (ComparisonOperator operator : values()) BY_FIELD.put(operator.field, operator);
  }

  private final String field;
  private final OperandType valueType;
  private final boolean hasPathForm;
  private final BiPredicate<Object, Object> test;

  /** An ordering comparison, false when the input value is not of the operator's type. */
  ComparisonOperator(String field, OperandType type, Relation relation) {
    this(
        field,
        type,
        true,
        (actual, expected) -> {
          Object value = type.coerce(actual);
          return value != null && relation.holds(type.compare(value, expected));
        });
  }

  /** A type test ({@code Is…}): its boolean says whether the test must pass or fail. */
  ComparisonOperator(String field, Predicate<Object> typeTest) {
    this(
        field,
        OperandType.BOOLEAN,
        false,
        (actual, wanted) -> wanted.equals(typeTest.test(actual)));
  }

  ComparisonOperator(
      String field, OperandType valueType, boolean hasPathForm, BiPredicate<Object, Object> test) {
    this.field = field;
    this.valueType = valueType;
    this.hasPathForm = hasPathForm;
    this.test = test;
  }

  /** The operator a rule field names, as {@code StringEquals} or {@code StringEqualsPath}. */
  static OperatorField forField(String name) {
    ComparisonOperator operator = BY_FIELD.get(name);
    if (operator != null) return new OperatorField(operator, false);
    if (name.endsWith("Path")) {
      operator = BY_FIELD.get(name.substring(0, name.length() - "Path".length()));
      if (operator != null && operator.hasPathForm) return new OperatorField(operator, true);
    }
    return null;
  }

  String field() {
    return field;
  }

  OperandType valueType() {
    return valueType;
  }

  /**
   * Applies the operator.
   *
   * @param actual the value {@code Variable} selected
   * @param expected the operand, already coerced by {@link #valueType()}
   */
  boolean test(Object actual, Object expected) {
    return test.test(actual, expected);
  }

  /** A field of a rule that names an operator, in its literal or its {@code …Path} form. */
  record OperatorField(ComparisonOperator operator, boolean pathForm) {}

  private enum Relation {
    EQUAL(c -> c == 0),
    LESS(c -> c < 0),
    GREATER(c -> c > 0),
    LESS_OR_EQUAL(c -> c <= 0),
    GREATER_OR_EQUAL(c -> c >= 0);

    private final IntPredicate holds;

    Relation(IntPredicate holds) {
      this.holds = holds;
    }

    boolean holds(int comparison) {
      return holds.test(comparison);
    }
  }
}
