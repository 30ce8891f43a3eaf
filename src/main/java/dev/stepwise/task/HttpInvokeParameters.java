package dev.stepwise.task;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.stepwise.asl.Json;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The request an {@code arn:aws:states:::http:invoke} Task asks for, read from its payload with
 * AWS's parameter names: {@code ApiEndpoint}, {@code Method}, {@code Headers}, {@code
 * QueryParameters}, {@code RequestBody}, {@code Transform} and {@code Authentication}, whose {@code
 * ConnectionArn} names a configured connection ({@link TaskConnections}).
 *
 * @param headers the caller's headers, including any {@code Content-Type} it chose
 * @param body the request body, or null for none
 * @param connectionArn {@code Authentication.ConnectionArn}, or null for none
 */
record HttpInvokeParameters(
    String method, URI uri, Map<String, List<String>> headers, String body, String connectionArn) {

  static final Set<String> METHODS =
      Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

  /** Reads the parameters; throws {@link IllegalArgumentException} naming the field at fault. */
  static HttpInvokeParameters from(Object payload) {
    if (!(payload instanceof Map<?, ?> parameters)) {
      throw new IllegalArgumentException(
          "The HTTP Task's parameters must be an object, not " + Json.typeName(payload));
    }
    String method = method(parameters.get("Method"));
    URI uri = withQuery(endpoint(parameters.get("ApiEndpoint")), parameters.get("QueryParameters"));
    Map<String, List<String>> headers = headers(parameters.get("Headers"));
    String body = null;
    if (parameters.containsKey("RequestBody")) {
      Object requestBody = parameters.get("RequestBody");
      if (isUrlEncoded(parameters.get("Transform"))) {
        body = formBody(requestBody, parameters.get("Transform"));
        defaultContentType(headers, "application/x-www-form-urlencoded");
      } else {
        // A string body goes as it is when the caller says it is not JSON (text, XML, …).
        boolean json = contentType(headers).map(t -> t.contains("json")).orElse(true);
        body = requestBody instanceof String text && !json ? text : Json.write(requestBody);
        defaultContentType(headers, "application/json");
      }
    }
    return new HttpInvokeParameters(
        method, uri, headers, body, connectionArn(parameters.get("Authentication")));
  }

  private static String connectionArn(Object authentication) {
    if (authentication == null) return null;
    if (authentication instanceof Map<?, ?> map && map.get("ConnectionArn") instanceof String arn) {
      return arn;
    }
    throw new IllegalArgumentException(
        "The HTTP Task's Authentication must be an object with a ConnectionArn, not "
            + describe(authentication));
  }

  private static String method(Object value) {
    if (!(value instanceof String text) || !METHODS.contains(text.toUpperCase(Locale.ROOT))) {
      throw new IllegalArgumentException(
          "The HTTP Task's Method must be one of " + METHODS + ", not " + describe(value));
    }
    return text.toUpperCase(Locale.ROOT);
  }

  private static URI endpoint(Object value) {
    if (value instanceof String text
        && (text.startsWith("https://") || text.startsWith("http://"))) {
      try {
        URI uri = new URI(text);
        if (uri.getHost() != null) return uri;
      } catch (URISyntaxException e) {
        // reported below
      }
    }
    throw new IllegalArgumentException(
        "The HTTP Task's ApiEndpoint must be an http:// or https:// URL, not " + describe(value));
  }

  private static URI withQuery(URI endpoint, Object queryParameters) {
    if (queryParameters == null) return endpoint;
    if (!(queryParameters instanceof Map<?, ?> parameters)) {
      throw new IllegalArgumentException(
          "The HTTP Task's QueryParameters must be an object, not "
              + Json.typeName(queryParameters));
    }
    var query = new StringJoiner("&");
    parameters.forEach(
        (name, value) -> {
          for (Object item : value instanceof List<?> list ? list : List.of(value)) {
            query.add(
                URLEncoder.encode(String.valueOf(name), UTF_8)
                    + "="
                    + URLEncoder.encode(FormEncoding.text(item), UTF_8));
          }
        });
    if (query.length() == 0) return endpoint;
    String url = endpoint.toString();
    String separator = endpoint.getRawQuery() == null ? "?" : "&";
    int fragment = url.indexOf('#');
    String withQuery =
        fragment < 0
            ? url + separator + query
            : url.substring(0, fragment) + separator + query + url.substring(fragment);
    return URI.create(withQuery);
  }

  private static Map<String, List<String>> headers(Object value) {
    var headers = new LinkedHashMap<String, List<String>>();
    if (value == null) return headers;
    if (!(value instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(
          "The HTTP Task's Headers must be an object, not " + Json.typeName(value));
    }
    map.forEach(
        (name, values) -> {
          var texts = new ArrayList<String>();
          for (Object item : values instanceof List<?> list ? list : List.of(values)) {
            if (item != null) texts.add(FormEncoding.text(item));
          }
          if (!texts.isEmpty()) headers.put(String.valueOf(name), texts);
        });
    return headers;
  }

  private static Optional<String> contentType(Map<String, List<String>> headers) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase("Content-Type"))
        .map(e -> e.getValue().getFirst().toLowerCase(Locale.ROOT))
        .findFirst();
  }

  private static void defaultContentType(Map<String, List<String>> headers, String type) {
    if (contentType(headers).isEmpty()) headers.put("Content-Type", List.of(type));
  }

  private static boolean isUrlEncoded(Object transform) {
    return transform instanceof Map<?, ?> map
        && "URL_ENCODED".equals(map.get("RequestBodyEncoding"));
  }

  private static String formBody(Object requestBody, Object transform) {
    if (requestBody instanceof String text) return text;
    if (!(requestBody instanceof Map<?, ?> body)) {
      throw new IllegalArgumentException(
          "A URL_ENCODED RequestBody must be an object, not " + Json.typeName(requestBody));
    }
    return FormEncoding.encode(body, arrayFormat(transform));
  }

  private static FormEncoding.ArrayFormat arrayFormat(Object transform) {
    Object options = ((Map<?, ?>) transform).get("RequestEncodingOptions");
    Object format = options instanceof Map<?, ?> map ? map.get("ArrayFormat") : null;
    if (format == null) return FormEncoding.ArrayFormat.INDICES;
    try {
      return FormEncoding.ArrayFormat.valueOf(String.valueOf(format));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "The HTTP Task's ArrayFormat must be BRACKETS, COMMAS, INDICES or REPEAT, not "
              + describe(format));
    }
  }

  private static String describe(Object value) {
    return value == null ? "null" : Json.write(value);
  }
}
