package dev.stepwise.asl.parse;

import dev.stepwise.asl.Diagnostic;
import dev.stepwise.asl.Json;
import dev.stepwise.asl.jsonata.JsonataExpression;
import dev.stepwise.asl.jsonata.Template;
import dev.stepwise.asl.model.Dataflow;
import dev.stepwise.asl.path.Bindings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads a state's {@link Dataflow}: {@code Assign}, {@code Output} and the fields that a JSONata
 * state may give as expressions, checking every expression's syntax and every variable name.
 */
final class DataflowParser {
  private static final Set<String> ASSIGNING =
      Set.of("Pass", "Task", "Choice", "Wait", "Parallel", "Map");
  private static final int MAX_VARIABLE_NAME = 80;

  private final ObjectFields f;
  private final boolean jsonata;
  private final Map<String, Template> fields = new LinkedHashMap<>();

  DataflowParser(ObjectFields f, boolean jsonata) {
    this.f = f;
    this.jsonata = jsonata;
  }

  boolean jsonata() {
    return jsonata;
  }

  /** In a JSONata state, takes a field whose value is an expression string; true when it did. */
  boolean expression(String field) {
    if (!jsonata) return false;
    JsonNode node = f.node(field);
    if (node == null || !node.isString() || !JsonataExpression.isExpression(node.stringValue())) {
      return false;
    }
    fields.put(field, template(node, f.pointer(), field, f));
    return true;
  }

  /** In a JSONata state, takes a field of any JSON value with expressions anywhere inside. */
  void template(String field) {
    JsonNode node = jsonata ? f.node(field) : null;
    if (node != null) fields.put(field, template(node, f.pointer(), field, f));
  }

  Dataflow build(String type) {
    Template assign =
        ASSIGNING.contains(type) ? assign(f.node("Assign"), f.pointer(), f, jsonata) : null;
    if (!jsonata)
      return assign == null ? Dataflow.JSONPATH : new Dataflow(false, assign, null, Map.of());
    JsonNode output = type.equals("Fail") ? null : f.node("Output");
    Template outputTemplate = output == null ? null : template(output, f.pointer(), "Output", f);
    return new Dataflow(true, assign, outputTemplate, Map.copyOf(fields));
  }

  /** {@code Assign} of a state, a choice rule or a catcher whose JSON pointer is {@code at}. */
  static Template assign(JsonNode node, String at, ObjectFields report, boolean jsonata) {
    if (node == null) return null;
    String pointer = at + "/Assign";
    if (!node.isObject()) {
      report.addAll(List.of(new Diagnostic(Codes.TYPE, "'Assign' must be an object", pointer)));
      return null;
    }
    for (String key : node.propertyNames()) {
      String name = !jsonata && key.endsWith(".$") ? key.substring(0, key.length() - 2) : key;
      if (!Bindings.isVariableName(name) || name.length() > MAX_VARIABLE_NAME) {
        report.addAll(
            List.of(
                new Diagnostic(
                    Codes.TYPE,
                    "'"
                        + name
                        + "' is not a variable name (a letter or '_', then letters, digits"
                        + " or '_', at most 80 characters)",
                    pointer + "/" + AslParser.escape(key))));
      }
    }
    if (!jsonata) {
      PayloadTemplates.check(node, pointer, report);
      return new Template(Json.fromNode(node));
    }
    return template(node, at, "Assign", report);
  }

  /** {@code node} as a template, with a diagnostic for each expression that does not compile. */
  static Template template(JsonNode node, String at, String field, ObjectFields report) {
    var template = new Template(Json.fromNode(node));
    var problems = new ArrayList<Diagnostic>();
    template.forEachExpression(
        field,
        (path, expression) -> {
          String error = expression.syntaxError();
          if (error != null) {
            problems.add(
                new Diagnostic(
                    Codes.INVALID_JSONATA,
                    "Invalid JSONata expression '" + expression.source() + "': " + error,
                    at + "/" + path));
          }
        });
    report.addAll(problems);
    return template;
  }
}
