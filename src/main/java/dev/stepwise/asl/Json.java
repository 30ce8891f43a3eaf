package dev.stepwise.asl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamWriteConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON values as the engine sees them: plain Java objects ({@link LinkedHashMap} for objects, so
 * key order survives, {@link List}, {@link String}, {@link Number}, {@link Boolean} and null).
 * Plain objects are what both the JSONPath and the JSONata libraries work on, so values never need
 * converting between the two.
 */
public final class Json {
  /**
   * How deeply a value may nest: a request body, a state's output or a variable. Deeper input is
   * refused at the edge; a state that makes deeper output fails with {@code States.Runtime}.
   */
  public static final int MAX_DEPTH = 500;

  /**
   * How deeply stored texts may nest: an event's details or a token's position wrap values of up to
   * {@link #MAX_DEPTH} in a few more levels, and must still be written and read back.
   */
  public static final int STORED_DEPTH = 2 * MAX_DEPTH;

  private static final ObjectMapper MAPPER = mapper(STORED_DEPTH);
  private static final ObjectMapper VALUES = mapper(MAX_DEPTH);

  /**
   * Reads what this service stored itself. Its numbers passed {@link StrictJsonModule}'s check on
   * their way in, and a double written by Jackson reads back as the same double, so the check is
   * not run again on every read of a token, an event or an execution's input.
   */
  private static final ObjectMapper STORED =
      JsonMapper.builder(factory(STORED_DEPTH, STORED_DEPTH)).build();

  private Json() {}

  private static ObjectMapper mapper(int writeDepth) {
    return JsonMapper.builder(factory(STORED_DEPTH, writeDepth))
        .addModule(new StrictJsonModule())
        .build();
  }

  private static JsonFactory factory(int readDepth, int writeDepth) {
    return JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(readDepth).build())
        .streamWriteConstraints(
            StreamWriteConstraints.builder().maxNestingDepth(writeDepth).build())
        .build();
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Parses JSON text into a plain value; throws {@link IllegalArgumentException} on bad text, a
   * number a double cannot hold, or nesting deeper than {@link #STORED_DEPTH}.
   */
  public static Object parse(String text) {
    try {
      return MAPPER.readValue(text, Object.class);
    } catch (StreamConstraintsException e) {
      throw new IllegalArgumentException(plainMessage(e), e);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(e.getOriginalMessage(), e);
    }
  }

  /**
   * Parses JSON text this service stored (an event's details, a token's output, an execution's
   * input) into a plain value, as {@link #parse} does but without checking each number's precision
   * again (see {@link #STORED}). Never for text from outside: a request, an endpoint's answer, a
   * string a state parses.
   */
  public static Object parseStored(String text) {
    try {
      return STORED.readValue(text, Object.class);
    } catch (StreamConstraintsException e) {
      throw new IllegalArgumentException(plainMessage(e), e);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(e.getOriginalMessage(), e);
    }
  }

  /** Reads a {@code type} from JSON text this service stored (a work item's payload, a token). */
  public static <T> T readStored(String text, Class<T> type) {
    return STORED.readValue(text, type);
  }

  /**
   * Writes a value as JSON text; throws {@link TooDeepException} when it nests deeper than {@link
   * #STORED_DEPTH}.
   */
  public static String write(Object value) {
    return write(MAPPER, value, STORED_DEPTH);
  }

  /**
   * Writes a value a state made (its output, a variable); throws {@link TooDeepException} when it
   * nests deeper than {@link #MAX_DEPTH}, which the API could not take back.
   */
  public static String writeValue(Object value) {
    return write(VALUES, value, MAX_DEPTH);
  }

  private static String write(ObjectMapper mapper, Object value, int depth) {
    try {
      return mapper.writeValueAsString(value);
    } catch (StreamConstraintsException e) {
      throw new TooDeepException(depth);
    }
  }

  /**
   * A message for a broken stream limit that names no Jackson class or method (its own messages
   * name the constraint's getter).
   */
  public static String plainMessage(StreamConstraintsException e) {
    String message = e.getOriginalMessage();
    var limit = java.util.regex.Pattern.compile("maximum allowed \\((\\d+)").matcher(message);
    if (message.contains("nesting depth") && limit.find()) {
      return "The JSON is nested deeper than the limit of " + limit.group(1) + " levels";
    }
    return message.replaceAll(",? *from `[^`]*`", "").replace("`", "'");
  }

  /** A value nested deeper than a limit of {@link Json}; the message is plain. */
  public static final class TooDeepException extends IllegalArgumentException {
    TooDeepException(int depth) {
      super("The value is nested deeper than the limit of " + depth + " levels");
    }
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
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof java.math.BigInteger) {
      return true;
    }
    if (value instanceof Number n) {
      double d = n.doubleValue();
      return !Double.isInfinite(d) && d == Math.rint(d);
    }
    return false;
  }
}
