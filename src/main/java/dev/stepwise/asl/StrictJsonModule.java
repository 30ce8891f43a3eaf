package dev.stepwise.asl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads untyped JSON values (plain Java objects, and trees) as Jackson does by default, except that
 * a number a double cannot hold exactly is an error ({@link UnrepresentableNumberException}) rather
 * than Infinity, 0 or a rounded value: Jackson rounds it silently, and Infinity would then be
 * written as the string "Infinity". Integers keep their exact value (Integer, Long or BigInteger),
 * as before.
 */
public final class StrictJsonModule extends SimpleModule {
  public StrictJsonModule() {
    super("stepwise-strict-json");
    addDeserializer(Object.class, new PlainValues());
    addDeserializer(JsonNode.class, new Trees());
  }

  /**
   * The double of a float token, refusing one that overflowed, underflowed to zero or lost digits:
   * its value must come back unchanged when the double is written again (the shortest text that
   * reads back as the same double, which is what Jackson writes).
   */
  static double checkedDouble(JsonParser p) {
    double value = p.getDoubleValue();
    if (Double.isInfinite(value) || (value == 0 && hasNonZeroDigit(p.getString()))) {
      throw UnrepresentableNumberException.outOfRange(p, p.getString());
    }
    if (value != 0 && BigDecimal.valueOf(value).compareTo(p.getDecimalValue()) != 0) {
      throw UnrepresentableNumberException.tooPrecise(p, p.getString());
    }
    return value;
  }

  private static boolean hasNonZeroDigit(String number) {
    for (int i = 0; i < number.length(); i++) {
      char c = number.charAt(i);
      if (c == 'e' || c == 'E') return false;
      if (c >= '1' && c <= '9') return true;
    }
    return false;
  }

  /** Objects as {@link LinkedHashMap} (key order survives), arrays as {@link ArrayList}. */
  static final class PlainValues extends ValueDeserializer<Object> {
    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) {
      return read(p, p.currentToken());
    }

    private static Object read(JsonParser p, JsonToken token) {
      switch (token) {
        case START_OBJECT, PROPERTY_NAME -> {
          var object = new LinkedHashMap<String, Object>();
          String name = token == JsonToken.PROPERTY_NAME ? p.currentName() : p.nextName();
          while (name != null) {
            object.put(name, read(p, p.nextToken()));
            name = p.nextName();
          }
          return object;
        }
        case END_OBJECT -> {
          return new LinkedHashMap<String, Object>();
        }
        case START_ARRAY -> {
          var array = new ArrayList<Object>();
          for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            array.add(read(p, t));
          }
          return array;
        }
        case VALUE_STRING -> {
          return p.getString();
        }
        case VALUE_NUMBER_INT -> {
          return p.getNumberValue();
        }
        case VALUE_NUMBER_FLOAT -> {
          return checkedDouble(p);
        }
        case VALUE_TRUE -> {
          return Boolean.TRUE;
        }
        case VALUE_FALSE -> {
          return Boolean.FALSE;
        }
        case VALUE_EMBEDDED_OBJECT -> {
          return p.getEmbeddedObject();
        }
        default -> {
          return null;
        }
      }
    }
  }

  /** Trees with the node types Jackson's own tree reader makes. */
  static final class Trees extends ValueDeserializer<JsonNode> {
    @Override
    public JsonNode deserialize(JsonParser p, DeserializationContext ctxt) {
      return read(p, p.currentToken(), ctxt.getNodeFactory());
    }

    @Override
    public JsonNode getNullValue(DeserializationContext ctxt) {
      return ctxt.getNodeFactory().nullNode();
    }

    private static JsonNode read(JsonParser p, JsonToken token, JsonNodeFactory nodes) {
      switch (token) {
        case START_OBJECT, PROPERTY_NAME -> {
          ObjectNode object = nodes.objectNode();
          String name = token == JsonToken.PROPERTY_NAME ? p.currentName() : p.nextName();
          while (name != null) {
            object.set(name, read(p, p.nextToken(), nodes));
            name = p.nextName();
          }
          return object;
        }
        case END_OBJECT -> {
          return nodes.objectNode();
        }
        case START_ARRAY -> {
          ArrayNode array = nodes.arrayNode();
          for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            array.add(read(p, t, nodes));
          }
          return array;
        }
        case VALUE_STRING -> {
          return nodes.stringNode(p.getString());
        }
        case VALUE_NUMBER_INT -> {
          return switch (p.getNumberType()) {
            case INT -> nodes.numberNode(p.getIntValue());
            case LONG -> nodes.numberNode(p.getLongValue());
            default -> nodes.numberNode(p.getBigIntegerValue());
          };
        }
        case VALUE_NUMBER_FLOAT -> {
          return nodes.numberNode(checkedDouble(p));
        }
        case VALUE_TRUE -> {
          return nodes.booleanNode(true);
        }
        case VALUE_FALSE -> {
          return nodes.booleanNode(false);
        }
        case VALUE_EMBEDDED_OBJECT -> {
          return nodes.pojoNode(p.getEmbeddedObject());
        }
        default -> {
          return nodes.nullNode();
        }
      }
    }
  }
}
