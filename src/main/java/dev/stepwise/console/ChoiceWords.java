package dev.stepwise.console;

import dev.stepwise.asl.Json;
import java.util.List;
import java.util.Map;

/** A Choice rule in words: {@code $.total > 100 and $.country == "NL"}. */
final class ChoiceWords {
  private static final Map<String, String> OPERATORS =
      Map.ofEntries(
          Map.entry("Equals", "=="),
          Map.entry("LessThan", "<"),
          Map.entry("GreaterThan", ">"),
          Map.entry("LessThanEquals", "<="),
          Map.entry("GreaterThanEquals", ">="),
          Map.entry("Matches", "matches"));
  private static final List<String> PREFIXES = List.of("String", "Numeric", "Boolean", "Timestamp");
  private static final Map<String, String[]> TESTS =
      Map.of(
          "IsNull", new String[] {"is null", "is not null"},
          "IsPresent", new String[] {"is present", "is absent"},
          "IsNumeric", new String[] {"is a number", "is not a number"},
          "IsString", new String[] {"is a string", "is not a string"},
          "IsBoolean", new String[] {"is a boolean", "is not a boolean"},
          "IsTimestamp", new String[] {"is a timestamp", "is not a timestamp"});

  private ChoiceWords() {}

  static String of(Object rule) {
    return words(rule, false);
  }

  private static String words(Object rule, boolean nested) {
    if (!(rule instanceof Map<?, ?> map)) return "?";
    if (map.get("Condition") != null) return String.valueOf(map.get("Condition"));
    if (map.get("Not") != null) return "not (" + words(map.get("Not"), false) + ")";
    for (String junction : List.of("And", "Or")) {
      if (map.get(junction) instanceof List<?> parts) {
        var joined =
            String.join(
                " " + junction.toLowerCase() + " ",
                parts.stream().map(p -> words(p, true)).toList());
        return nested ? "(" + joined + ")" : joined;
      }
    }
    Object variable = map.get("Variable");
    for (var entry : map.entrySet()) {
      String comparison = comparison(String.valueOf(entry.getKey()), entry.getValue());
      if (comparison != null) return variable + " " + comparison;
    }
    return "?";
  }

  /** {@code > 100} for {@code NumericGreaterThan: 100}; null for a key that is no comparison. */
  private static String comparison(String key, Object value) {
    var test = TESTS.get(key);
    if (test != null) return Boolean.FALSE.equals(value) ? test[1] : test[0];
    boolean path = key.endsWith("Path");
    String operator = path ? key.substring(0, key.length() - 4) : key;
    for (String prefix : PREFIXES) {
      if (!operator.startsWith(prefix)) continue;
      String symbol = OPERATORS.get(operator.substring(prefix.length()));
      if (symbol == null) return null;
      String operand =
          path || !(value instanceof String) ? String.valueOf(value) : Json.write(value);
      return symbol + " " + operand;
    }
    return null;
  }
}
