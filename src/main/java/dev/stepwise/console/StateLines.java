package dev.stepwise.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a state's box says under its name: its type with its main fields, and its retries. */
final class StateLines {
  private static final String CALLBACK = ".waitForTaskToken";

  private StateLines() {}

  static List<String> of(String type, Map<?, ?> state) {
    var lines = new ArrayList<String>();
    lines.add(headline(type, state));
    String resource = string(state.get("Resource"));
    if ("Task".equals(type) && resource != null) {
      lines.add(resource.endsWith(CALLBACK) ? "waits for a callback" : null);
    }
    String retry = retry(state.get("Retry"));
    if (retry != null) lines.add(retry);
    lines.removeIf(java.util.Objects::isNull);
    return lines;
  }

  private static String headline(String type, Map<?, ?> state) {
    return switch (type) {
      case "Task" -> "Task: " + resource(string(state.get("Resource")));
      case "Wait" -> "Wait " + waitFor(state);
      case "Map" -> "Map (" + mode(state) + ")" + concurrency(state);
      case "Parallel" -> "Parallel, " + count(state.get("Branches")) + " branches";
      case "Fail" -> state.get("Error") == null ? "Fail" : "Fail: " + state.get("Error");
      default -> type;
    };
  }

  static String mode(Map<?, ?> map) {
    Object processor = map.get("ItemProcessor");
    if (processor instanceof Map<?, ?> p
        && p.get("ProcessorConfig") instanceof Map<?, ?> config
        && "DISTRIBUTED".equals(config.get("Mode"))) {
      return "distributed";
    }
    return "inline";
  }

  /** The resource's most telling part: a Lambda's function name, an activity's name, a URL. */
  private static String resource(String resource) {
    if (resource == null) return "?";
    String plain =
        resource.endsWith(CALLBACK)
            ? resource.substring(0, resource.length() - CALLBACK.length())
            : resource;
    int function = plain.indexOf(":function:");
    if (function >= 0) return "λ " + plain.substring(function + ":function:".length());
    int activity = plain.indexOf(":activity:");
    if (activity >= 0) return "activity " + plain.substring(activity + ":activity:".length());
    return plain;
  }

  private static String waitFor(Map<?, ?> state) {
    if (state.get("Seconds") != null) return seconds(state.get("Seconds"));
    if (state.get("Timestamp") != null) return "until " + state.get("Timestamp");
    if (state.get("SecondsPath") != null) return "seconds from " + state.get("SecondsPath");
    if (state.get("TimestampPath") != null) return "until " + state.get("TimestampPath");
    return "";
  }

  private static String seconds(Object value) {
    if (!(value instanceof Number n)) return String.valueOf(value);
    long s = n.longValue();
    if (s >= 3600 && s % 3600 == 0) return (s / 3600) + " h";
    if (s >= 60 && s % 60 == 0) return (s / 60) + " min";
    return s + " s";
  }

  private static String concurrency(Map<?, ?> state) {
    Object max = state.get("MaxConcurrency");
    return max instanceof Number n && n.intValue() > 0 ? ", at most " + n + " at once" : "";
  }

  /** {@code Retry: States.TaskFailed ×3 (2 s, ×2.0)}, one part per retrier. */
  static String retry(Object retry) {
    if (!(retry instanceof List<?> retriers) || retriers.isEmpty()) return null;
    var parts = new ArrayList<String>();
    for (Object r : retriers) {
      if (!(r instanceof Map<?, ?> retrier)) continue;
      Object errors = retrier.get("ErrorEquals");
      String names =
          errors instanceof List<?> l
              ? String.join(", ", l.stream().map(String::valueOf).toList())
              : "?";
      Object attempts = retrier.get("MaxAttempts") == null ? 3 : retrier.get("MaxAttempts");
      Object interval = retrier.get("IntervalSeconds") == null ? 1 : retrier.get("IntervalSeconds");
      Object backoff = retrier.get("BackoffRate") == null ? 2.0 : retrier.get("BackoffRate");
      parts.add(names + " ×" + attempts + " (" + seconds(interval) + ", ×" + backoff + ")");
    }
    return "Retry: " + String.join("; ", parts);
  }

  private static int count(Object list) {
    return list instanceof List<?> l ? l.size() : 0;
  }

  private static String string(Object value) {
    return value instanceof String s ? s : null;
  }
}
