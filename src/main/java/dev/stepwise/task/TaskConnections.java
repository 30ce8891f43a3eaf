package dev.stepwise.task;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.stepwise.asl.ErrorNames;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The configured connections (EventBridge's, in AWS): what an {@code http:invoke} Task's {@code
 * Authentication.ConnectionArn} adds to its request. The headers are added when the call is made,
 * so they are in no definition, history event or trace.
 */
@Component
public class TaskConnections implements AutoCloseable {
  private static final Pattern CONNECTION_ARN =
      Pattern.compile("arn:[^:]+:events:[^:]*:[^:]*:connection/([^/]+)(/.*)?");

  private final Map<String, ConnectionProperties.Connection> connections = new LinkedHashMap<>();
  private final OAuthTokens tokens;

  @Autowired
  public TaskConnections(ConnectionProperties properties, TaskProperties tasks, Clock clock) {
    for (var connection : properties.connections()) {
      check(connection);
      if (connections.put(connection.name(), connection) != null) {
        throw new IllegalStateException(
            "stepwise.tasks.connections: '" + connection.name() + "' is configured twice");
      }
    }
    this.tokens = new OAuthTokens(clock, tasks.connectTimeout());
  }

  /** No connections: for tests and tools. */
  public static TaskConnections none() {
    return new TaskConnections(
        new ConnectionProperties(null), TaskProperties.defaults(), Clock.systemUTC());
  }

  /** The connection name of an EventBridge connection ARN (or a bare name); null if neither. */
  public static String nameOf(String arn) {
    if (arn == null || arn.isBlank()) return null;
    var matcher = CONNECTION_ARN.matcher(arn);
    if (matcher.matches()) return matcher.group(1);
    return arn.startsWith("arn:") || arn.contains("/") ? null : arn;
  }

  /** Whether a connection ARN names a configured connection. */
  public boolean isConfigured(String arn) {
    String name = nameOf(arn);
    return name != null && connections.containsKey(name);
  }

  /**
   * The headers a connection adds, by name.
   *
   * @throws ConnectionFailure when the ARN names no configured connection or its token could not be
   *     had
   */
  Map<String, String> headers(String arn, Duration timeout) {
    if (arn == null) return Map.of();
    String name = nameOf(arn);
    var connection = name == null ? null : connections.get(name);
    if (connection == null) {
      throw new ConnectionFailure(
          ErrorNames.RUNTIME,
          "The HTTP Task's Authentication.ConnectionArn names no connection configured under"
              + " stepwise.tasks.connections: "
              + arn);
    }
    return switch (type(connection)) {
      case "basic" ->
          Map.of(
              "Authorization",
              "Basic "
                  + Base64.getEncoder()
                      .encodeToString(
                          (connection.username()
                                  + ":"
                                  + Objects.toString(connection.password(), ""))
                              .getBytes(UTF_8)));
      case "api-key" -> Map.of(connection.header(), connection.value());
      default -> Map.of("Authorization", "Bearer " + tokens.token(connection, timeout));
    };
  }

  private static String type(ConnectionProperties.Connection connection) {
    return connection.type() == null ? "" : connection.type().toLowerCase(Locale.ROOT);
  }

  // A connection missing what its type needs would fail every call: refuse to start instead.
  private static void check(ConnectionProperties.Connection connection) {
    String name = connection.name();
    if (name == null || name.isBlank() || name.contains("/")) {
      throw new IllegalStateException("stepwise.tasks.connections: a connection needs a name");
    }
    switch (type(connection)) {
      case "basic" -> require(connection, connection.username(), "username");
      case "api-key" -> {
        require(connection, connection.header(), "header");
        require(connection, connection.value(), "value");
      }
      case "oauth-client-credentials" -> {
        require(connection, connection.tokenUrl(), "token-url");
        require(connection, connection.clientId(), "client-id");
        require(connection, connection.clientSecret(), "client-secret");
      }
      default ->
          throw new IllegalStateException(
              "stepwise.tasks.connections: '"
                  + name
                  + "' needs a type of basic, api-key or oauth-client-credentials");
    }
  }

  private static void require(ConnectionProperties.Connection connection, String value, String f) {
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "stepwise.tasks.connections: '" + connection.name() + "' needs its " + f);
    }
  }

  @Override
  public void close() {
    tokens.close();
  }
}
