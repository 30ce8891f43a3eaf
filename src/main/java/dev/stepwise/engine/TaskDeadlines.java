package dev.stepwise.engine;

import dev.stepwise.asl.ErrorNames;
import dev.stepwise.asl.Json;
import dev.stepwise.asl.StatesError;
import dev.stepwise.asl.jsonata.JsonataScope;
import dev.stepwise.asl.model.TaskState;
import dev.stepwise.asl.path.Bindings;
import dev.stepwise.asl.path.PathNotFound;
import java.time.Duration;

/**
 * A Task's {@code TimeoutSeconds} and {@code HeartbeatSeconds}, fixed, read from the input ({@code
 * …Path}) or computed by JSONata; null when the state sets none.
 */
record TaskDeadlines(Duration timeout, Duration heartbeat) {

  // Heartbeats only exist for states that wait for a task token; others never read the field.
  static TaskDeadlines jsonPath(TaskState task, Bindings bindings, boolean heartbeats) {
    return new TaskDeadlines(
        seconds(task.timeoutSeconds(), task.timeoutSecondsPath(), "TimeoutSecondsPath", bindings),
        heartbeats
            ? seconds(
                task.heartbeatSeconds(),
                task.heartbeatSecondsPath(),
                "HeartbeatSecondsPath",
                bindings)
            : null);
  }

  static TaskDeadlines jsonata(TaskState task, JsonataScope scope, boolean heartbeats) {
    return new TaskDeadlines(
        seconds(task, task.timeoutSeconds(), "TimeoutSeconds", scope),
        heartbeats ? seconds(task, task.heartbeatSeconds(), "HeartbeatSeconds", scope) : null);
  }

  private static Duration seconds(Integer fixed, String path, String field, Bindings bindings) {
    if (fixed != null) return Duration.ofSeconds(fixed);
    if (path == null) return null;
    Object value;
    try {
      value = bindings.read(path);
    } catch (PathNotFound e) {
      throw StatesError.runtime(
          "The " + field + " parameter does not reference an input value: " + path);
    }
    if (!Json.isIntegral(value) || ((Number) value).longValue() < 1) {
      throw StatesError.runtime(
          "The "
              + field
              + " parameter must reference a positive integer: "
              + path
              + " == "
              + Json.write(value));
    }
    return Duration.ofSeconds(((Number) value).longValue());
  }

  private static Duration seconds(TaskState task, Integer fixed, String field, JsonataScope scope) {
    if (fixed != null) return Duration.ofSeconds(fixed);
    if (task.flow().field(field) == null) return null;
    Object value = JsonataIo.field(task.flow(), field, scope, null);
    if (!Json.isIntegral(value) || ((Number) value).longValue() < 1) {
      throw new StatesError(
          ErrorNames.QUERY_EVALUATION_ERROR,
          "The " + field + " field must be a positive integer, but was: " + Json.write(value));
    }
    return Duration.ofSeconds(((Number) value).longValue());
  }
}
