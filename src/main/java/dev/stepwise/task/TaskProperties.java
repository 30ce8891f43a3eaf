package dev.stepwise.task;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Task resources are sent, as configured under {@code stepwise.tasks} (YAML, or the
 * environment: {@code STEPWISE_TASKS_ROUTES_0_RESOURCE}, {@code STEPWISE_TASKS_ROUTES_0_URL}, …).
 *
 * @param routes resource patterns and the endpoints they go to, first match wins
 * @param defaultTimeout how long a call may take when the request names no timeout (default 60s)
 * @param connectTimeout how long opening a connection may take (default 5s)
 */
@ConfigurationProperties("stepwise.tasks")
public record TaskProperties(List<Route> routes, Duration defaultTimeout, Duration connectTimeout) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  public TaskProperties {
    routes = routes == null ? List.of() : List.copyOf(routes);
    defaultTimeout = positiveOr(defaultTimeout, DEFAULT_TIMEOUT);
    connectTimeout = positiveOr(connectTimeout, DEFAULT_CONNECT_TIMEOUT);
  }

  /** No routes and the default timeouts. */
  public static TaskProperties defaults() {
    return new TaskProperties(null, null, null);
  }

  private static Duration positiveOr(Duration value, Duration fallback) {
    return value == null || value.isNegative() || value.isZero() ? fallback : value;
  }

  /**
   * One route.
   *
   * @param resource the Task {@code Resource} it serves; {@code *} matches any run of characters
   * @param url the {@code http://} or {@code https://} endpoint that receives the calls
   * @param headers extra request headers, for example {@code Authorization} (optional)
   * @param timeout the longest a call to this endpoint may take (optional); it can shorten the
   *     state's own timeout but never lengthen it
   */
  public record Route(String resource, String url, Map<String, String> headers, Duration timeout) {
    public Route {
      headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
  }
}
