package dev.stepwise.task;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.stepwise.asl.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens of OAuth client-credentials connections (RFC 6749 §4.4), fetched from the token
 * endpoint and kept until shortly before they expire, as EventBridge connections do: one token
 * request serves every call in between. The token endpoint is configured by the operator, so the
 * egress policy does not apply to it.
 */
final class OAuthTokens implements AutoCloseable {
  /** A token is renewed this long before it expires, so that no call carries a dying one. */
  static final Duration RENEW_BEFORE = Duration.ofSeconds(30);

  /** How long a token without {@code expires_in} is kept. */
  static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

  private record Token(String value, Instant renewAt) {}

  private final Clock clock;
  private final Duration connectTimeout;
  private HttpClient client; // made at the first token request: most services have none
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  OAuthTokens(Clock clock, Duration connectTimeout) {
    this.clock = clock;
    this.connectTimeout = connectTimeout;
  }

  private synchronized HttpClient client() {
    if (client == null) {
      client =
          HttpClient.newBuilder()
              .connectTimeout(connectTimeout)
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
    }
    return client;
  }

  String token(ConnectionProperties.Connection connection, Duration timeout) {
    Token token = tokens.get(connection.name());
    if (fresh(token)) return token.value();
    // One fetch per connection at a time: callers that arrive meanwhile use its token.
    synchronized (locks.computeIfAbsent(connection.name(), name -> new Object())) {
      token = tokens.get(connection.name());
      if (fresh(token)) return token.value();
      token = fetch(connection, timeout);
      tokens.put(connection.name(), token);
      return token.value();
    }
  }

  private boolean fresh(Token token) {
    return token != null && clock.instant().isBefore(token.renewAt());
  }

  private Token fetch(ConnectionProperties.Connection connection, Duration timeout) {
    String form = "grant_type=client_credentials";
    if (connection.scope() != null && !connection.scope().isBlank()) {
      form += "&scope=" + URLEncoder.encode(connection.scope(), UTF_8);
    }
    String credentials =
        URLEncoder.encode(connection.clientId(), UTF_8)
            + ":"
            + URLEncoder.encode(connection.clientSecret(), UTF_8);
    HttpResponse<String> response;
    try {
      var request =
          HttpRequest.newBuilder(URI.create(connection.tokenUrl()))
              .timeout(timeout)
              .header("Content-Type", "application/x-www-form-urlencoded")
              .header("Accept", "application/json")
              .header(
                  "Authorization",
                  "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(UTF_8)))
              .POST(HttpRequest.BodyPublishers.ofString(form))
              .build();
      response = client().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException | IllegalArgumentException e) {
      throw failure(connection, "the token request failed (" + e.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure(connection, "interrupted while fetching a token");
    }
    if (response.statusCode() / 100 != 2) {
      throw failure(connection, "the token endpoint answered HTTP " + response.statusCode());
    }
    return token(connection, response.body());
  }

  private Token token(ConnectionProperties.Connection connection, String body) {
    Object parsed;
    try {
      parsed = Json.parse(body);
    } catch (IllegalArgumentException e) {
      throw failure(connection, "the token endpoint's answer is not JSON");
    }
    if (!(parsed instanceof Map<?, ?> answer)
        || !(answer.get("access_token") instanceof String value)
        || value.isBlank()) {
      throw failure(connection, "the token endpoint's answer has no access_token");
    }
    Duration lifetime =
        answer.get("expires_in") instanceof Number seconds
            ? Duration.ofSeconds(seconds.longValue())
            : DEFAULT_LIFETIME;
    Duration kept = lifetime.minus(RENEW_BEFORE);
    return new Token(value, clock.instant().plus(kept.isNegative() ? Duration.ZERO : kept));
  }

  // Names the connection and the endpoint's status, never its secrets or the token.
  private static ConnectionFailure failure(ConnectionProperties.Connection connection, String why) {
    return new ConnectionFailure(
        ConnectionFailure.ERROR,
        "Could not get an access token for the connection '" + connection.name() + "': " + why);
  }

  @Override
  public synchronized void close() {
    if (client != null) client.close();
  }
}
