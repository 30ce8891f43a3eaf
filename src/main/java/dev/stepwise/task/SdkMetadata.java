package dev.stepwise.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code SdkHttpMetadata} and {@code SdkResponseMetadata} members AWS's service integrations
 * add to a result: the response's headers (all values, and the first of each), its status code and
 * the request id.
 */
public final class SdkMetadata {
  private SdkMetadata() {}

  /** Adds both members to {@code result}, for an answer with {@code status}. */
  public static void addTo(
      Map<String, Object> result, int status, Map<String, String> headers, String requestId) {
    var all = new LinkedHashMap<String, Object>();
    headers.forEach((name, value) -> all.put(name, new ArrayList<>(List.of(value))));
    var http = new LinkedHashMap<String, Object>();
    http.put("AllHttpHeaders", all);
    http.put("HttpHeaders", new LinkedHashMap<>(headers));
    http.put("HttpStatusCode", status);
    result.put("SdkHttpMetadata", http);
    result.put("SdkResponseMetadata", new LinkedHashMap<>(Map.of("RequestId", requestId)));
  }
}
