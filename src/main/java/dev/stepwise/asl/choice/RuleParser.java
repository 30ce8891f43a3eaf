package dev.stepwise.asl.choice;

import dev.stepwise.asl.Diagnostic;
import dev.stepwise.asl.Json;
import dev.stepwise.asl.choice.ComparisonOperator.OperatorField;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Reads one choice rule and the rules nested in it, adding a diagnostic for each problem. */
final class RuleParser {
  static final String SCHEMA_VALIDATION_FAILED = "SCHEMA_VALIDATION_FAILED";
  static final String INVALID_JSON_PATH = "INVALID_JSON_PATH";

  private static final Set<String> COMBINATIONS = Set.of("And", "Or", "Not");

  private final List<Diagnostic> diagnostics;

  RuleParser(List<Diagnostic> diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** The rule, or null when it has problems (they are in the diagnostics). */
  ChoiceRule parse(JsonNode node, String pointer, boolean topLevel) {
    int before = diagnostics.size();
    ChoiceRule rule = rule(node, pointer, topLevel);
    return diagnostics.size() == before ? rule : null;
  }

  private ChoiceRule rule(JsonNode node, String pointer, boolean topLevel) {
    if (node == null || !node.isObject()) {
      error(SCHEMA_VALIDATION_FAILED, pointer, "A choice rule must be an object");
      return null;
    }
    checkNext(node, pointer, topLevel);
    var operators = new ArrayList<String>();
    for (String field : node.propertyNames()) {
      if (COMBINATIONS.contains(field) || ComparisonOperator.forField(field) != null) {
        operators.add(field);
      } else {
        checkOtherField(node, pointer, field, topLevel);
      }
    }
    if (operators.isEmpty()) {
      error(
          SCHEMA_VALIDATION_FAILED,
          pointer,
          "A choice rule needs one operator (a comparison such as 'StringEquals', or 'And', 'Or',"
              + " 'Not')");
      return null;
    }
    if (operators.size() > 1) {
      for (String extra : operators.subList(1, operators.size())) {
        error(
            SCHEMA_VALIDATION_FAILED,
            at(pointer, extra),
            "A choice rule has one operator only; '"
                + extra
                + "' follows '"
                + operators.get(0)
                + "'");
      }
      return null;
    }
    String operator = operators.getFirst();
    return switch (operator) {
      case "And", "Or" -> combination(node, pointer, operator);
      case "Not" -> negation(node, pointer);
      default -> comparison(node, pointer, operator);
    };
  }

  private void checkNext(JsonNode node, String pointer, boolean topLevel) {
    JsonNode next = node.get("Next");
    if (topLevel && next == null) {
      error(SCHEMA_VALIDATION_FAILED, pointer, "A rule in 'Choices' must have 'Next'");
    } else if (topLevel && !next.isString()) {
      error(SCHEMA_VALIDATION_FAILED, at(pointer, "Next"), "'Next' must be a state name");
    } else if (!topLevel && next != null) {
      error(
          SCHEMA_VALIDATION_FAILED,
          at(pointer, "Next"),
          "A rule inside 'And', 'Or' or 'Not' cannot have 'Next'");
    }
  }

  private void checkOtherField(JsonNode node, String pointer, String field, boolean topLevel) {
    switch (field) {
      case "Next", "Variable" -> {} // checked with the rule's shape
      case "Comment" -> {
        if (!node.get(field).isString()) {
          error(SCHEMA_VALIDATION_FAILED, at(pointer, field), "'Comment' must be a string");
        }
      }
      // Assign on a top-level rule belongs to the Choice state, which reads it.
      case "Assign" -> {
        if (!topLevel) unknownField(pointer, field);
      }
      default -> unknownField(pointer, field);
    }
  }

  private void unknownField(String pointer, String field) {
    error(
        SCHEMA_VALIDATION_FAILED,
        at(pointer, field),
        "Field '" + field + "' is not supported in a choice rule");
  }

  private ChoiceRule combination(JsonNode node, String pointer, String operator) {
    checkNoVariable(node, pointer, operator);
    JsonNode list = node.get(operator);
    String listPointer = at(pointer, operator);
    if (!list.isArray() || list.isEmpty()) {
      error(
          SCHEMA_VALIDATION_FAILED,
          listPointer,
          "'" + operator + "' must be a non-empty array of choice rules");
      return null;
    }
    var rules = new ArrayList<ChoiceRule>();
    for (int i = 0; i < list.size(); i++) {
      rules.add(rule(list.get(i), listPointer + "/" + i, false));
    }
    if (rules.contains(null)) return null;
    return operator.equals("And") ? new And(rules) : new Or(rules);
  }

  private ChoiceRule negation(JsonNode node, String pointer) {
    checkNoVariable(node, pointer, "Not");
    ChoiceRule rule = rule(node.get("Not"), at(pointer, "Not"), false);
    return rule == null ? null : new Not(rule);
  }

  private void checkNoVariable(JsonNode node, String pointer, String operator) {
    if (node.has("Variable")) {
      error(
          SCHEMA_VALIDATION_FAILED,
          at(pointer, "Variable"),
          "'Variable' cannot be used with '" + operator + "'");
    }
  }

  private ChoiceRule comparison(JsonNode node, String pointer, String field) {
    OperatorField operatorField = ComparisonOperator.forField(field);
    ConditionPath variable = variable(node, pointer, field);
    Operand operand = operand(node.get(field), at(pointer, field), operatorField);
    if (variable == null || operand == null) return null;
    return new Comparison(variable, operatorField.operator(), operand);
  }

  private ConditionPath variable(JsonNode node, String pointer, String operator) {
    JsonNode variable = node.get("Variable");
    if (variable == null) {
      error(SCHEMA_VALIDATION_FAILED, pointer, "'" + operator + "' needs a 'Variable' to test");
      return null;
    }
    return path(variable, at(pointer, "Variable"), "'Variable'");
  }

  private Operand operand(JsonNode value, String pointer, OperatorField operatorField) {
    ComparisonOperator operator = operatorField.operator();
    if (operatorField.pathForm()) {
      ConditionPath path = path(value, pointer, "'" + operator.field() + "Path'");
      return path == null ? null : new Operand.PathValue(path, operator.valueType());
    }
    Object literal = operator.valueType().coerce(Json.fromNode(value));
    if (literal == null) {
      error(
          SCHEMA_VALIDATION_FAILED,
          pointer,
          "'" + operator.field() + "' must be " + operator.valueType().description());
      return null;
    }
    return new Operand.Literal(literal);
  }

  private ConditionPath path(JsonNode value, String pointer, String what) {
    if (!value.isString()) {
      error(SCHEMA_VALIDATION_FAILED, pointer, what + " must be a path string");
      return null;
    }
    String text = value.stringValue();
    if (!ConditionPath.isValid(text)) {
      error(INVALID_JSON_PATH, pointer, what + " is not a valid path: '" + text + "'");
      return null;
    }
    return new ConditionPath(text);
  }

  private void error(String code, String pointer, String message) {
    diagnostics.add(new Diagnostic(code, message, pointer));
  }

  /** {@code pointer} extended by one field name, escaped as RFC 6901 asks. */
  private static String at(String pointer, String field) {
    return pointer + "/" + field.replace("~", "~0").replace("/", "~1");
  }
}
