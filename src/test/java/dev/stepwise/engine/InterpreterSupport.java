package dev.stepwise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.Json;
import dev.stepwise.asl.parse.AslParser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * What the interpreter tests share: the interpreter driven directly, with fixed time, seeded
 * randomness and no runtime. Definitions are written with single quotes for readability.
 */
final class InterpreterSupport {
  private InterpreterSupport() {}

  static final Instant STARTED = Instant.parse("2030-01-01T00:00:00Z");
  static final Instant NOW = Instant.parse("2030-01-01T00:00:10Z");
  static final ExecutionInfo EXECUTION =
      new ExecutionInfo("exec-1", "run-1", Map.of(), STARTED, "machine", 1, 0);

  static StepContext context(Instant now, RandomGenerator random, StepContext.Limits limits) {
    return new StepContext(EXECUTION, now, random, 1, limits);
  }

  static StepContext context() {
    return context(NOW, new Random(7), StepContext.Limits.DEFAULT);
  }

  static Interpreter interpreter(String singleQuoted) {
    var result = AslParser.parse(singleQuoted.replace('\'', '"'));
    assertThat(result.diagnostics()).isEmpty();
    return new Interpreter(result.stateMachine());
  }

  /** JSON text (single quotes allowed) as the plain value the engine works on. */
  static Object json(String singleQuoted) {
    return Json.parse(singleQuoted.replace('\'', '"'));
  }

  static Step start(Interpreter interpreter, String input) {
    return interpreter.advance(interpreter.startToken(json(input)), context());
  }

  static List<String> types(Step step) {
    return step.events().stream().map(Event::type).toList();
  }

  static Object output(Step step) {
    assertThat(step.effect()).isInstanceOf(Effect.Finished.class);
    assertThat(step.token()).isNull();
    return ((Effect.Finished) step.effect()).output();
  }

  static Effect.Failed failed(Step step) {
    assertThat(step.effect()).isInstanceOf(Effect.Failed.class);
    // A failed token stays at the state that failed, entered afresh, for a redrive.
    assertThat(step.token().phase()).isEqualTo(Phase.ENTER);
    return (Effect.Failed) step.effect();
  }

  static Instant timer(Step step) {
    assertThat(step.effect()).isInstanceOf(Effect.Timer.class);
    return ((Effect.Timer) step.effect()).dueAt();
  }
}
