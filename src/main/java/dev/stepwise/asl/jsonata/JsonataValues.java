package dev.stepwise.asl.jsonata;

import com.dashjoin.jsonata.Jsonata;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The boundary between ASL JSON values and the JSONata library's: it reads a JSON null stored in a
 * map or list as "undefined", so nulls travel as {@link Jsonata#NULL_VALUE}; its numbers come back
 * as Integer, Long or Double, which are narrowed to the smallest exact type here.
 */
final class JsonataValues {
  /** A result that is no JSON value (a function, a regex). */
  static final Object UNSUPPORTED = new Object();

  private JsonataValues() {}

  static Object toJsonata(Object value) {
    return toJsonata(value, null);
  }

  /**
   * Converts {@code value}, adding every string, array and object of the result to {@code seen}.
   */
  static Object toJsonata(Object value, Set<Object> seen) {
    if (value == null) return Jsonata.NULL_VALUE;
    if (value instanceof Map<?, ?> map) {
      var out = new LinkedHashMap<String, Object>(map.size() * 2);
      map.forEach((k, v) -> out.put((String) k, toJsonata(v, seen)));
      if (seen != null) seen.add(out);
      return out;
    }
    if (value instanceof List<?> list) {
      var out = new ArrayList<Object>(list.size());
      for (Object item : list) out.add(toJsonata(item, seen));
      if (seen != null) seen.add(out);
      return out;
    }
    if (value instanceof BigDecimal d) return d.doubleValue();
    if (value instanceof BigInteger i) return i.doubleValue();
    if (seen != null && value instanceof String) seen.add(value);
    return value;
  }

  /** The JSON value of a defined result, or {@link #UNSUPPORTED} when it is no JSON. */
  static Object toJson(Object value) {
    if (value == Jsonata.NULL_VALUE) return null;
    if (value instanceof Map<?, ?> map) {
      var out = new LinkedHashMap<String, Object>(map.size() * 2);
      for (var entry : map.entrySet()) {
        Object v = entry.getValue();
        if (v == null) continue; // an undefined member is no member
        Object json = toJson(v);
        if (json == UNSUPPORTED) return UNSUPPORTED;
        out.put(String.valueOf(entry.getKey()), json);
      }
      return out;
    }
    if (value instanceof List<?> list) {
      var out = new ArrayList<Object>(list.size());
      for (Object item : list) {
        if (item == null) continue;
        Object json = toJson(item);
        if (json == UNSUPPORTED) return UNSUPPORTED;
        out.add(json);
      }
      return out;
    }
    if (value instanceof Number n) return narrow(n);
    if (value instanceof String || value instanceof Boolean) return value;
    return UNSUPPORTED;
  }

  private static Object narrow(Number n) {
    if (n instanceof Double || n instanceof Float) {
      double d = n.doubleValue();
      if (d == Math.rint(d) && Math.abs(d) < 9.0e15) {
        long l = (long) d;
        return l == (int) l ? (Object) (int) l : (Object) l;
      }
      return d;
    }
    if (n instanceof Long l && l == l.intValue()) return l.intValue();
    return n;
  }
}
