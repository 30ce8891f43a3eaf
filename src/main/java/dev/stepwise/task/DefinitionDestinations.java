package dev.stepwise.task;

import dev.stepwise.asl.Diagnostic;
import dev.stepwise.asl.jsonata.JsonataExpression;
import dev.stepwise.asl.jsonata.Template;
import dev.stepwise.asl.model.TaskState;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Judges, when a definition is created, what its Task states call where the definition spells it
 * out: a URL resource, an {@code http:invoke} {@code ApiEndpoint} and {@code
 * Authentication.ConnectionArn} written as literals. DNS is not asked (a name is judged by its
 * addresses when called); values computed from the input are judged when called.
 */
@Component
public class DefinitionDestinations {
  public static final String EGRESS_DENIED = "EGRESS_DENIED";
  public static final String UNKNOWN_CONNECTION = "UNKNOWN_CONNECTION";

  private final EgressPolicy policy;
  private final TaskConnections connections;

  public DefinitionDestinations(EgressPolicy policy, TaskConnections connections) {
    this.policy = policy;
    this.connections = connections;
  }

  public List<Diagnostic> problems(TaskState task, String at) {
    var out = new ArrayList<Diagnostic>();
    String resource = TaskRoutes.baseResource(task.resource());
    if (resource.startsWith("http://") || resource.startsWith("https://")) {
      uri(resource).flatMap(policy::refusalOf).ifPresent(r -> out.add(denied(r, at + "/Resource")));
    } else if (resource.equals(TaskRoutes.HTTP_INVOKE)) {
      boolean jsonata = task.flow().jsonata();
      Template arguments = jsonata ? task.flow().field("Arguments") : null;
      Object template =
          jsonata
              ? (arguments == null ? null : arguments.value())
              : (task.parameters() == null ? null : task.parameters().template());
      String field = at + (jsonata ? "/Arguments" : "/Parameters");
      if (template instanceof Map<?, ?> parameters) {
        checkEndpoint(literal(parameters.get("ApiEndpoint"), jsonata), field, out);
        if (parameters.get("Authentication") instanceof Map<?, ?> authentication) {
          String arn = literal(authentication.get("ConnectionArn"), jsonata);
          if (arn != null && !connections.isConfigured(arn)) {
            out.add(
                new Diagnostic(
                    UNKNOWN_CONNECTION,
                    "No connection configured under stepwise.tasks.connections is named by '"
                        + arn
                        + "'",
                    field + "/Authentication/ConnectionArn"));
          }
        }
      }
    }
    return out;
  }

  private void checkEndpoint(String endpoint, String field, List<Diagnostic> out) {
    if (endpoint == null) return;
    uri(endpoint)
        .flatMap(policy::refusalOf)
        .ifPresent(reason -> out.add(denied(reason, field + "/ApiEndpoint")));
  }

  /** A value written as it is: not a JSONata expression (a JSONPath one has a key ending .$). */
  private static String literal(Object value, boolean jsonata) {
    if (!(value instanceof String text)) return null;
    return jsonata && JsonataExpression.isExpression(text) ? null : text;
  }

  private static Diagnostic denied(String reason, String location) {
    return new Diagnostic(
        EGRESS_DENIED,
        "The URL may not be called: " + reason + " (" + EgressPolicy.POLICY + ")",
        location);
  }

  private static Optional<URI> uri(String text) {
    try {
      return Optional.of(new URI(text));
    } catch (URISyntaxException e) {
      return Optional.empty(); // reported when called, as a malformed URL always was
    }
  }
}
