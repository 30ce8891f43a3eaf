package dev.stepwise.engine;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@link Probe} of a {@link StateTest}: keeps the state's intermediate values and the course of
 * its error handling, and shows the state the context object the test asked for.
 */
final class InspectionRecorder implements Probe {
  private final Map<Inspected, Object> values = new EnumMap<>(Inspected.class);
  private final Map<String, Object> contextOverlay;
  private final int retrierRetryCount;
  private String error;
  private String cause;
  private Integer retryIndex;
  private Long backoffSeconds;
  private Integer catchIndex;

  InspectionRecorder(Map<String, Object> contextOverlay, int retrierRetryCount) {
    this.contextOverlay = contextOverlay;
    this.retrierRetryCount = retrierRetryCount;
  }

  @Override
  public void record(Inspected field, Object value) {
    // Variables are shown only where there are some, as AWS does.
    if (field == Inspected.VARIABLES && value instanceof Map<?, ?> map && map.isEmpty()) return;
    values.put(field, value);
  }

  @Override
  public void handling(String error, String cause) {
    this.error = error;
    this.cause = cause;
  }

  @Override
  public void retrying(int index, Duration backoff) {
    retryIndex = index;
    backoffSeconds = Math.round(backoff.toMillis() / 1000.0);
  }

  @Override
  public void exhausted(int index) {
    retryIndex = index;
  }

  @Override
  public void caught(int index) {
    catchIndex = index;
  }

  /**
   * The context object the interpreter built, with the test's retry count as {@code
   * State.RetryCount} and the test's own context laid over it.
   */
  @Override
  public Map<String, Object> context(Map<String, Object> built) {
    Map<String, Object> context = built;
    if (built.get("State") instanceof Map<?, ?> state && state.containsKey("RetryCount")) {
      // The token counts the retries of every retrier; the test names the one that applies.
      @SuppressWarnings("unchecked")
      var copy = new LinkedHashMap<>((Map<String, Object>) state);
      copy.put("RetryCount", retrierRetryCount);
      context = new LinkedHashMap<>(built);
      context.put("State", copy);
    }
    return contextOverlay.isEmpty() ? context : ContextObject.overlaid(context, contextOverlay);
  }

  boolean caught() {
    return catchIndex != null;
  }

  String error() {
    return error;
  }

  String cause() {
    return cause;
  }

  Map<Inspected, Object> values() {
    return Collections.unmodifiableMap(new EnumMap<>(values));
  }

  StateTestResult.ErrorDetails errorDetails() {
    if (retryIndex == null && catchIndex == null) return null;
    return new StateTestResult.ErrorDetails(catchIndex, retryIndex, backoffSeconds);
  }
}
