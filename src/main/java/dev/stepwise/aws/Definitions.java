package dev.stepwise.aws;

import dev.stepwise.asl.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** A definition as AWS takes it: a string holding the ASL document, at most 1 MiB. */
final class Definitions {
  static final int MAX = 1024 * 1024;

  private Definitions() {}

  static JsonNode parse(String definition) {
    Checks.required("definition", definition);
    Checks.length("definition", definition, 1, MAX);
    JsonNode tree = tree(definition);
    if (tree == null || !tree.isObject()) {
      throw invalid("INVALID_JSON_DESCRIPTION: the definition must be a JSON object");
    }
    return tree;
  }

  /** The definition's JSON; null when it is not JSON. */
  static JsonNode tree(String definition) {
    try {
      return Json.mapper().readTree(definition);
    } catch (JacksonException | IllegalArgumentException e) {
      return null;
    }
  }

  private static AwsError invalid(String problem) {
    return new AwsError(
        AwsError.INVALID_DEFINITION, "Invalid State Machine Definition: '" + problem + "'");
  }
}
