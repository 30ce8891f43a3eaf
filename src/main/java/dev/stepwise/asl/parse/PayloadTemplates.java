package dev.stepwise.asl.parse;

import dev.stepwise.asl.Diagnostic;
import dev.stepwise.asl.Json;
import dev.stepwise.asl.intrinsic.IntrinsicFunctions;
import dev.stepwise.asl.model.PayloadTemplate;
import dev.stepwise.asl.path.JsonPathQuery;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads a payload template field and checks every {@code .$} value in it. */
final class PayloadTemplates {
  private PayloadTemplates() {}

  static PayloadTemplate read(ObjectFields f, String field) {
    JsonNode node = f.node(field);
    if (node == null) return null;
    if (!node.isObject()) {
      f.error(field, Codes.TYPE, "'" + field + "' must be an object");
      return null;
    }
    check(node, f.pointer(field), f);
    return new PayloadTemplate(Json.fromNode(node));
  }

  static void check(JsonNode node, String pointer, ObjectFields f) {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) check(node.get(i), pointer + "/" + i, f);
      return;
    }
    if (!node.isObject()) return;
    for (var entry : node.properties()) {
      String key = entry.getKey();
      String at = pointer + "/" + AslParser.escape(key);
      JsonNode value = entry.getValue();
      if (!key.endsWith(".$")) {
        check(value, at, f);
        continue;
      }
      if (!value.isString()) {
        f.addAll(
            List.of(
                new Diagnostic(
                    Codes.INVALID_PATH,
                    "The value of '" + key + "' must be a path or an intrinsic function",
                    at)));
      } else if (IntrinsicFunctions.isCall(value.stringValue())) {
        var local = new java.util.ArrayList<Diagnostic>();
        IntrinsicFunctions.validate(value.stringValue(), at, local);
        f.addAll(local);
      } else if (!JsonPathQuery.isValid(value.stringValue())) {
        f.addAll(
            List.of(
                new Diagnostic(
                    Codes.INVALID_PATH,
                    "The value of '" + key + "' is not a valid JSONPath: " + value.stringValue(),
                    at)));
      }
    }
  }
}
