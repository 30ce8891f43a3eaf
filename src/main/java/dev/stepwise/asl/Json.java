package dev.stepwise.asl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON values as the engine sees them: plain Java objects ({@link LinkedHashMap} for objects, so
 * key order survives, {@link List}, {@link String}, {@link Number}, {@link Boolean} and null).
 * Plain objects are what both the JSONPath and the JSONata libraries work on, so values never
 * need converting between the two.
 */
public final class Json {
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Parses JSON text into a plain value; throws {@link IllegalArgumentException} on bad text. */
  public static Object parse(String text) {
    try {
      return MAPPER.readValue(text, Object.class);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(e.getOriginalMessage(), e);
    }
  }

  public static String write(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  public static Object fromNode(JsonNode node) {
    return node == null ? null : MAPPER.convertValue(node, Object.class);
  }

  /** A deep copy, so that a state can change its copy of a value without touching the input. */
  @SuppressWarnings("unchecked")
  public static Object copy(Object value) {
    if (value instanceof Map<?, ?> map) {
      var out = new LinkedHashMap<String, Object>(map.size() * 2);
      ((Map<String, Object>) map).forEach((k, v) -> out.put(k, copy(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      var out = new ArrayList<Object>(list.size());
      for (Object v : list) out.add(copy(v));
      return out;
    }
    return value;
  }

  /** JSON type name as AWS uses it in messages. */
  public static String typeName(Object value) {
    if (value == null) return "null";
    if (value instanceof Map) return "object";
    if (value instanceof List) return "array";
    if (value instanceof String) return "string";
    if (value instanceof Boolean) return "boolean";
    return "number";
  }

  public static boolean isNumber(Object value) {
    return value instanceof Number;
  }

  public static boolean isIntegral(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger) {
      return true;
    }
    if (value instanceof Number n) {
      double d = n.doubleValue();
      return !Double.isInfinite(d) && d == Math.rint(d);
    }
    return false;
  }
}
