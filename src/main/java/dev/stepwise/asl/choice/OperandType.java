package dev.stepwise.asl.choice;

import dev.stepwise.asl.Timestamps;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;

/**
 * The kind of value a comparison works on. {@link #coerce} turns a JSON value into the form the
 * comparison uses, or null when the value is not of this kind: AWS then treats the comparison as
 * false rather than as an error.
 */
enum OperandType {
  STRING("a string") {
    @Override
    Object coerce(Object value) {
      return value instanceof String ? value : null;
    }

    @Override
    int compare(Object left, Object right) {
      return ((String) left).compareTo((String) right);
    }
  },
  NUMBER("a number") {
    @Override
    Object coerce(Object value) {
      return value instanceof Number ? value : null;
    }

    @Override
    int compare(Object left, Object right) {
      Number a = (Number) left;
      Number b = (Number) right;
      BigDecimal exactA = exact(a);
      BigDecimal exactB = exact(b);
      if (exactA != null && exactB != null) return exactA.compareTo(exactB);
      return Double.compare(a.doubleValue(), b.doubleValue());
    }
  },
  BOOLEAN("a boolean") {
    @Override
    Object coerce(Object value) {
      return value instanceof Boolean ? value : null;
    }

    @Override
    int compare(Object left, Object right) {
      return Boolean.compare((Boolean) left, (Boolean) right);
    }
  },
  TIMESTAMP("an RFC 3339 timestamp string") {
    @Override
    Object coerce(Object value) {
      return value instanceof String text ? Timestamps.parse(text) : null;
    }

    @Override
    int compare(Object left, Object right) {
      return ((Instant) left).compareTo((Instant) right);
    }
  },
  WILDCARD_PATTERN("a string") {
    @Override
    Object coerce(Object value) {
      return value instanceof String text ? WildcardPattern.compile(text) : null;
    }

    @Override
    int compare(Object left, Object right) {
      throw new UnsupportedOperationException("patterns match, they do not compare");
    }
  };

  private final String description;

  OperandType(String description) {
    this.description = description;
  }

  /** What the type is, for diagnostics ("must be a number"). */
  String description() {
    return description;
  }

  abstract Object coerce(Object value);

  /** Compares two values that {@link #coerce} returned. */
  abstract int compare(Object left, Object right);

  /**
   * Numbers compare by value whatever their Java type (1 equals 1.0, large integers stay exact);
   * doubles go through their shortest decimal form, the number the JSON text wrote.
   */
  private static BigDecimal exact(Number number) {
    return switch (number) {
      case BigDecimal d -> d;
      case BigInteger i -> new BigDecimal(i);
      case Integer i -> BigDecimal.valueOf(i);
      case Long l -> BigDecimal.valueOf(l);
      case Short s -> BigDecimal.valueOf(s);
      case Byte b -> BigDecimal.valueOf(b);
      default -> {
        double d = number.doubleValue();
        yield Double.isFinite(d) ? new BigDecimal(Double.toString(d)) : null;
      }
    };
  }
}
