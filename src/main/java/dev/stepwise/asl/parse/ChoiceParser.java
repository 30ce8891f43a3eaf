package dev.stepwise.asl.parse;

import dev.stepwise.asl.Diagnostic;
import dev.stepwise.asl.Json;
import dev.stepwise.asl.choice.ChoiceRule;
import dev.stepwise.asl.choice.ChoiceRules;
import dev.stepwise.asl.choice.JsonataCondition;
import dev.stepwise.asl.jsonata.JsonataExpression;
import dev.stepwise.asl.jsonata.Template;
import dev.stepwise.asl.model.ChoiceState;
import dev.stepwise.asl.model.IoPaths;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads a Choice state. A JSONPath rule is a comparison tree ({@link ChoiceRules}); a JSONata rule
 * has a {@code Condition}. Either may carry its own {@code Assign}, and a JSONata rule its own
 * {@code Output}.
 */
final class ChoiceParser {
  private ChoiceParser() {}

  static ChoiceState parse(String name, ObjectFields f, IoPaths io, DataflowParser flow) {
    JsonNode choicesNode = f.node("Choices");
    String defaultState = f.string("Default", false);
    var choices = new ArrayList<ChoiceState.Choice>();
    if (choicesNode == null || !choicesNode.isArray() || choicesNode.isEmpty()) {
      f.error("Choices", Codes.MISSING_FIELD, "'Choices' must be a non-empty array");
    } else {
      for (int i = 0; i < choicesNode.size(); i++) {
        String pointer = f.pointer("Choices") + "/" + i;
        ChoiceState.Choice choice =
            flow.jsonata()
                ? jsonataRule(choicesNode.get(i), pointer, i, f)
                : jsonPathRule(choicesNode.get(i), pointer, f);
        if (choice != null) choices.add(choice);
      }
    }
    return new ChoiceState(name, io, List.copyOf(choices), defaultState, flow.build("Choice"));
  }

  private static ChoiceState.Choice jsonPathRule(JsonNode node, String pointer, ObjectFields f) {
    var local = new ArrayList<Diagnostic>();
    ChoiceRule rule = ChoiceRules.parse(node, pointer, true, local);
    f.addAll(local);
    JsonNode next = node.isObject() ? node.get("Next") : null;
    if (!local.isEmpty() || next == null || !next.isString()) return null;
    Template assign = DataflowParser.assign(node.get("Assign"), pointer, f, false);
    return new ChoiceState.Choice(rule, next.stringValue(), assign, null);
  }

  private static ChoiceState.Choice jsonataRule(
      JsonNode node, String pointer, int index, ObjectFields parent) {
    if (node == null || !node.isObject()) {
      parent.addAll(
          List.of(new Diagnostic(Codes.TYPE, "A choice rule must be an object", pointer)));
      return null;
    }
    var diagnostics = new ArrayList<Diagnostic>();
    var f = new ObjectFields(node, pointer, diagnostics);
    String next = f.string("Next", true);
    f.string("Comment", false);
    JsonNode condition = f.node("Condition");
    if (condition == null) {
      f.error(
          "Condition", Codes.MISSING_FIELD, "A rule of a JSONata Choice state needs 'Condition'");
    } else if (!condition.isBoolean()
        && !(condition.isString() && JsonataExpression.isExpression(condition.stringValue()))) {
      f.error(
          "Condition", Codes.TYPE, "'Condition' must be a boolean or a JSONata expression {% … %}");
    } else if (condition.isString()) {
      DataflowParser.template(condition, pointer, "Condition", f);
    }
    Template assign = DataflowParser.assign(f.node("Assign"), pointer, f, true);
    JsonNode outputNode = f.node("Output");
    Template output =
        outputNode == null ? null : DataflowParser.template(outputNode, pointer, "Output", f);
    f.rejectUnknown("a JSONata choice rule");
    parent.addAll(diagnostics);
    if (!diagnostics.isEmpty()) return null;
    return new ChoiceState.Choice(
        new JsonataCondition(Json.fromNode(condition), index), next, assign, output);
  }
}
