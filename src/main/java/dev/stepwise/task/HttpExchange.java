package dev.stepwise.task;

import java.util.List;
import java.util.Map;

/**
 * A Task's HTTP request and the answer to it, as sent and read, for showing (TestState's {@code
 * TRACE} level).
 *
 * @param response null when no answer came (no connection, a timeout)
 */
public record HttpExchange(Request request, Response response) {

  /**
   * @param headers the headers Stepwise set, by name; those a route adds are left out unless
   *     secrets are revealed
   * @param body the body as sent, or null for none
   */
  public record Request(
      String protocol, String method, String url, Map<String, List<String>> headers, String body) {}

  /**
   * @param body the body as read: at most the payload limit
   */
  public record Response(
      String protocol,
      int statusCode,
      String statusMessage,
      Map<String, List<String>> headers,
      String body) {}
}
