package dev.stepwise.engine;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Credentials an HTTP Task's parameters carry in {@code Headers} ({@code Authorization}, {@code
 * Proxy-Authorization}): sent with the call, but never written to history, where anyone who may
 * read executions would see them.
 */
final class SecretHeaders {
  static final String REDACTED = "*** redacted ***";
  private static final String HTTP_INVOKE = "arn:aws:states:::http:invoke";
  private static final Set<String> SECRET = Set.of("authorization", "proxy-authorization");

  private SecretHeaders() {}

  /**
   * An HTTP Task's parameters as history shows them: the same, with credential headers' values
   * hidden. Other resources' parameters are the endpoint's data and are left as they are.
   */
  static Object forHistory(String resource, Object parameters) {
    if (resource == null || !resource.startsWith(HTTP_INVOKE)) return parameters;
    if (!(parameters instanceof Map<?, ?> map)
        || !(map.get("Headers") instanceof Map<?, ?> headers)) {
      return parameters;
    }
    boolean any = headers.keySet().stream().anyMatch(SecretHeaders::secret);
    if (!any) return parameters;
    var hidden = new LinkedHashMap<Object, Object>(headers);
    hidden.replaceAll((name, value) -> secret(name) ? REDACTED : value);
    var copy = new LinkedHashMap<Object, Object>(map);
    copy.put("Headers", hidden);
    return copy;
  }

  private static boolean secret(Object name) {
    return name instanceof String text && SECRET.contains(text.toLowerCase(Locale.ROOT));
  }
}
