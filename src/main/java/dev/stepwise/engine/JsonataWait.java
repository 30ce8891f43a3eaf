package dev.stepwise.engine;

import dev.stepwise.asl.ErrorNames;
import dev.stepwise.asl.Json;
import dev.stepwise.asl.StatesError;
import dev.stepwise.asl.Timestamps;
import dev.stepwise.asl.jsonata.JsonataScope;
import dev.stepwise.asl.model.WaitState;
import java.time.Instant;

/**
 * When a JSONata Wait state is due: {@code Seconds} or {@code Timestamp}, literal or expression.
 */
final class JsonataWait {
  private JsonataWait() {}

  static Instant dueAt(WaitState wait, JsonataScope scope, Instant now) {
    if (wait.seconds() != null) return now.plusSeconds(wait.seconds());
    if (wait.timestamp() != null) return Timestamps.parse(wait.timestamp());
    if (wait.flow().field("Seconds") != null) {
      Object value = JsonataIo.field(wait.flow(), "Seconds", scope, null);
      if (!Json.isIntegral(value) || ((Number) value).longValue() < 0) {
        throw new StatesError(
            ErrorNames.QUERY_EVALUATION_ERROR,
            "The Seconds field must be a non-negative integer, but was: " + Json.write(value));
      }
      return now.plusSeconds(((Number) value).longValue());
    }
    Object value = JsonataIo.field(wait.flow(), "Timestamp", scope, null);
    Instant instant = value instanceof String s ? Timestamps.parse(s) : null;
    if (instant == null) {
      throw new StatesError(
          ErrorNames.QUERY_EVALUATION_ERROR,
          "The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format"
              + " string: "
              + (value instanceof String s ? s : Json.write(value)));
    }
    return instant;
  }
}
