package dev.stepwise.api;

import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Request bodies of the REST API, and the checks of what a request names ({@link Names}) and how
 * much it asks for ({@link Paging}), which a feature's own controller uses too.
 */
public final class ApiRequests {
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

  /** Names of state machines and executions: 1–80 letters, digits, '-' and '_'. */
  public static final class Names {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");

    private Names() {}

    public static String require(String name, String what) {
      if (name == null || !NAME.matcher(name).matches()) {
        throw new BadRequestException(
            what + " must be 1 to 80 characters of letters, digits, '-' and '_'");
      }
      return name;
    }
  }

  /** Page sizes: default 100, at most 1000. */
  public static final class Paging {
    private Paging() {}

    public static int size(Integer requested) {
      if (requested == null) return 100;
      if (requested < 1 || requested > 1000) {
        throw new BadRequestException("pageSize must be between 1 and 1000");
      }
      return requested;
    }
  }
}
