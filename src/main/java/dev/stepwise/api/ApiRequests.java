package dev.stepwise.api;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** Request bodies of the REST API. */
final class ApiRequests {
  private ApiRequests() {}

  record CreateStateMachine(
      String name,
      JsonNode definition,
      String description,
      Boolean publish,
      String versionDescription) {}

  record UpdateStateMachine(
      JsonNode definition, String description, Boolean publish, String versionDescription) {}

  record PublishVersion(String description, Integer revision) {}

  record PutAlias(String description, List<RouteEntry> routing) {}

  record RouteEntry(Integer version, Integer weight) {}

  record Validate(JsonNode definition) {}

  record StartExecution(String name, JsonNode input) {}

  record StopExecution(String error, String cause) {}
}
