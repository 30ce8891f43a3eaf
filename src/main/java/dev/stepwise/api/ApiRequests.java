package dev.stepwise.api;

import tools.jackson.databind.JsonNode;

/** Request bodies of the REST API. */
final class ApiRequests {
  private ApiRequests() {}

  record CreateStateMachine(String name, JsonNode definition, String description) {}

  record UpdateStateMachine(JsonNode definition, String description) {}

  record Validate(JsonNode definition) {}

  record StartExecution(String name, JsonNode input) {}

  record StopExecution(String error, String cause) {}
}
