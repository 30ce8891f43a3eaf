package dev.stepwise.api;

import dev.stepwise.asl.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** A definition arrives as an ASL object or as a JSON string holding one (as AWS takes it). */
final class Definitions {
  private Definitions() {}

  static JsonNode read(JsonNode definition) {
    if (definition == null || definition.isNull()) {
      throw new BadRequestException("'definition' is required");
    }
    if (definition.isString()) {
      try {
        return Json.mapper().readTree(definition.stringValue());
      } catch (JacksonException e) {
        throw new BadRequestException(
            "'definition' is not valid JSON: "
                + RequestBodyProblems.describe(e).replaceFirst("^Malformed JSON: ", ""));
      }
    }
    if (!definition.isObject()) {
      throw new BadRequestException("'definition' must be an object or a string holding one");
    }
    return definition;
  }

  static Object asJson(String definition) {
    return Json.parse(definition);
  }
}
