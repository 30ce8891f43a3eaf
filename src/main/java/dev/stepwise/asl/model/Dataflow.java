package dev.stepwise.asl.model;

import dev.stepwise.asl.jsonata.Template;
import java.util.Map;

/**
 * A state's query language and the fields that came with variables and JSONata: {@code Assign}
 * (both languages), {@code Output} and the JSONata forms of other fields ({@code Arguments}, {@code
 * Items}, {@code Seconds}, …) by field name. Absent fields are null.
 */
public record Dataflow(
    boolean jsonata, Template assign, Template output, Map<String, Template> fields) {
  public static final Dataflow JSONPATH = new Dataflow(false, null, null, Map.of());

  public Template field(String name) {
    return fields.get(name);
  }
}
