package dev.stepwise.engine;

import java.time.Duration;

/**
 * A Task state's call: the resource, the effective input to send, the attempt number (1, 2, …
 * across retries), how long the call may take, and, for a state that waits for a task token ({@code
 * .waitForTaskToken}, an activity), the callback it waits for (else null).
 */
public record TaskRequest(
    String stateName,
    String resource,
    Object payload,
    int attempt,
    Duration timeout,
    Callback callback) {

  public TaskRequest(
      String stateName, String resource, Object payload, int attempt, Duration timeout) {
    this(stateName, resource, payload, attempt, timeout, null);
  }

  /**
   * What a callback state waits for: an answer quoting {@code taskToken}, within {@code timeout}
   * ({@code States.Timeout}; null: no limit but the execution's) and with no gap longer than {@code
   * heartbeat} between heartbeats ({@code States.HeartbeatTimeout}; null: none). {@code activity}
   * names the activity whose workers pull the task; null when an HTTP request goes out.
   */
  public record Callback(String taskToken, Duration timeout, Duration heartbeat, String activity) {}
}
