package dev.stepwise.engine;

import dev.stepwise.asl.Json;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the context object ({@code $$}) for a state, as AWS shapes it. */
final class ContextObject {
  private ContextObject() {}

  static Map<String, Object> of(ExecutionInfo info, Token token, boolean withRetryCount) {
    var execution = new LinkedHashMap<String, Object>();
    execution.put("Id", info.executionId());
    execution.put("Input", info.input());
    execution.put("StartTime", format(info.startTime()));
    execution.put("Name", info.executionName());
    execution.put("RoleArn", "arn:aws:iam::000000000000:role/stepwise");
    execution.put("RedriveCount", info.redriveCount());
    var machine = new LinkedHashMap<String, Object>();
    machine.put("Id", info.stateMachineName() + ":" + info.revision());
    machine.put("Name", info.stateMachineName());
    var state = new LinkedHashMap<String, Object>();
    state.put("Name", token.state());
    state.put("EnteredTime", format(token.enteredAt()));
    if (withRetryCount) state.put("RetryCount", token.retryCount());
    var context = new LinkedHashMap<String, Object>();
    context.put("Execution", execution);
    context.put("StateMachine", machine);
    context.put("State", state);
    return context;
  }

  /** The context of a Map state's ItemSelector, which adds {@code Map.Item}. */
  static Map<String, Object> withMapItem(Map<String, Object> context, int index, Object value) {
    var item = new LinkedHashMap<String, Object>();
    item.put("Index", index);
    item.put("Value", value);
    var copy = new LinkedHashMap<>(context);
    copy.put("Map", Map.of("Item", item));
    return copy;
  }

  /** The context of a state that waits for a callback, which adds {@code Task.Token}. */
  static Map<String, Object> withTaskToken(Map<String, Object> context, String taskToken) {
    var copy = new LinkedHashMap<>(context);
    copy.put("Task", Map.of("Token", taskToken));
    return copy;
  }

  /**
   * {@code overlay} laid over {@code context}: objects present in both are merged key by key, any
   * other value of the overlay replaces the context's.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> overlaid(Map<String, Object> context, Map<String, Object> overlay) {
    var merged = new LinkedHashMap<>(context);
    overlay.forEach(
        (key, value) -> {
          if (value instanceof Map<?, ?> inner && merged.get(key) instanceof Map<?, ?> base) {
            merged.put(key, overlaid((Map<String, Object>) base, (Map<String, Object>) inner));
          } else {
            merged.put(key, Json.copy(value));
          }
        });
    return merged;
  }

  static String format(Instant instant) {
    return instant == null
        ? null
        : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
  }
}
