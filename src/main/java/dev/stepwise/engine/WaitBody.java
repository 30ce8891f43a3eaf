package dev.stepwise.engine;

import dev.stepwise.asl.Json;
import dev.stepwise.asl.StatesError;
import dev.stepwise.asl.Timestamps;
import dev.stepwise.asl.jsonata.JsonataScope;
import dev.stepwise.asl.model.WaitState;
import dev.stepwise.asl.path.Bindings;
import dev.stepwise.asl.path.PathNotFound;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A Wait state: arms a timer, or goes straight on when the time has already come. The output is
 * computed on entry, so the timer firing only has to continue with it.
 */
final class WaitBody {
  /** AWS refuses waits of 2^31 seconds or more ("Wait state delay is too long"). */
  private static final long MAX_SECONDS = Integer.MAX_VALUE;

  private WaitBody() {}

  static Run.Flow run(Run run, WaitState wait, Token token) {
    Instant now = run.context().now();
    Instant dueAt;
    Object output;
    Map<String, Object> variables;
    if (wait.flow().jsonata()) {
      JsonataScope scope = run.jsonataScope(token);
      dueAt = JsonataWait.dueAt(wait, scope, now);
      output = JsonataIo.output(wait.flow().output(), scope, token.input());
      variables =
          Assignments.jsonata(wait.flow().assign(), scope, token.variables(), run.payloadLimit());
    } else {
      Bindings bindings = run.bindings(token, token.input());
      Bindings effective = bindings.withInput(StateIo.inputPath(wait.io(), bindings));
      run.probe().record(Inspected.AFTER_INPUT_PATH, effective.input());
      dueAt = dueAt(wait, effective, now);
      output = StateIo.outputPath(wait.io(), effective);
      variables =
          Assignments.jsonPath(
              wait.flow().assign(), effective, token.variables(), run.payloadLimit());
    }
    if (Duration.between(now, dueAt).getSeconds() >= MAX_SECONDS) {
      throw StatesError.runtime("Wait state delay is too long.");
    }
    if (!dueAt.isAfter(now)) {
      run.event("WaitStateExited", "name", wait.name(), "output", output);
      return run.transition(wait.transition(), output, variables);
    }
    Token waiting = token.with(Phase.WAITING, output).withVariables(variables);
    return run.done(waiting, new Effect.Timer(dueAt));
  }

  private static Instant dueAt(WaitState wait, Bindings bindings, Instant now) {
    if (wait.seconds() != null) return now.plusSeconds(wait.seconds());
    if (wait.timestamp() != null) return Timestamps.parse(wait.timestamp());
    if (wait.secondsPath() != null) {
      Object value = read(wait.secondsPath(), "SecondsPath", bindings);
      if (!Json.isNumber(value) || !Json.isIntegral(value)) {
        throw StatesError.runtime(
            "The SecondsPath parameter cannot be parsed as a long value: "
                + wait.secondsPath()
                + " == "
                + render(value));
      }
      long seconds = ((Number) value).longValue();
      if (seconds < 0) {
        throw StatesError.runtime(
            "The SecondsPath parameter references a negative value: "
                + wait.secondsPath()
                + " == "
                + render(value));
      }
      return now.plusSeconds(seconds);
    }
    Object value = read(wait.timestampPath(), "TimestampPath", bindings);
    Instant instant = value instanceof String s ? Timestamps.parse(s) : null;
    if (instant == null) {
      throw StatesError.runtime(
          "The TimestampPath parameter does not reference a valid ISO-8601 extended offset"
              + " date-time format string: "
              + wait.timestampPath()
              + " == "
              + render(value));
    }
    return instant;
  }

  private static Object read(String path, String field, Bindings bindings) {
    try {
      return bindings.read(path);
    } catch (PathNotFound e) {
      throw StatesError.runtime(
          "The " + field + " parameter does not reference an input value: " + path);
    }
  }

  private static String render(Object value) {
    return value instanceof String s ? s : Json.write(value);
  }
}
