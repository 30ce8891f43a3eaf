package dev.stepwise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.Json;
import dev.stepwise.asl.parse.AslParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Runs a definition through the {@link Interpreter} the way the runtime would, in memory: forks run
 * their children one after the other, timers fire at once, and every token goes through a JSON
 * round trip, as it does when the runtime stores it.
 */
final class Runner {
  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

  private final Interpreter interpreter;
  private final Object input;

  private Runner(String definition, Object input) {
    var parsed = AslParser.parse(definition);
    assertThat(parsed.diagnostics()).isEmpty();
    this.interpreter = new Interpreter(parsed.stateMachine());
    this.input = input;
  }

  /** The final effect of running {@code definition} on {@code inputJson}. */
  static Effect run(String definition, String inputJson) {
    var runner = new Runner(definition, Json.parse(inputJson));
    return runner.drive(runner.interpreter.startToken(runner.input));
  }

  private Effect drive(Token start) {
    Step step = interpreter.advance(stored(start), context());
    while (true) {
      switch (step.effect()) {
        case Effect.Timer t -> step = interpreter.advance(stored(step.token()), context());
        case Effect.StartFork fork -> step = join(step.token(), fork);
        case Effect.Dispatch d -> throw new AssertionError("no tasks in these tests");
        case Effect.Finished f -> {
          return f;
        }
        case Effect.Failed f -> {
          return f;
        }
      }
    }
  }

  /**
   * A fork as the runtime does it, one child after the other, with the engine's {@link Fork}
   * deciding after each end: failures within a distributed Map's tolerance leave their error
   * output.
   */
  private Step join(Token parent, Effect.StartFork start) {
    var outputs = new ArrayList<Object>();
    Fork fork = Fork.of(start.plan());
    for (int i = 0; i < start.children().size(); i++) {
      Effect end = drive(start.children().get(i));
      Fork.Decision decision;
      if (end instanceof Effect.Failed f) {
        decision = fork.childEnded(i, false, f.error(), f.cause());
        var error = new java.util.LinkedHashMap<String, Object>();
        error.put("Error", f.error());
        error.put("Cause", f.cause());
        outputs.add(error);
      } else {
        decision = fork.childEnded(i, true, null, null);
        outputs.add(((Effect.Finished) end).output());
      }
      fork = decision.fork();
      if (decision.next() == Fork.Next.FAIL) {
        return interpreter.afterChildFailed(
            stored(parent), decision.error(), decision.cause(), context());
      }
    }
    return interpreter.afterChildren(stored(parent), List.copyOf(outputs), context());
  }

  private static Token stored(Token token) {
    return Json.mapper().readValue(Json.mapper().writeValueAsString(token), Token.class);
  }

  private StepContext context() {
    var execution = new ExecutionInfo("exec-1", "run-1", input, NOW, "machine", 1, 0);
    return new StepContext(execution, NOW, new Random(7), 1, StepContext.Limits.DEFAULT);
  }

  /** Runs a definition to its end and returns the output; fails the test unless it succeeded. */
  static Object output(String definition, String input) {
    Effect end = run(definition, input);
    org.assertj.core.api.Assertions.assertThat(end).isInstanceOf(Effect.Finished.class);
    return ((Effect.Finished) end).output();
  }

  /** Runs a definition to its end; fails the test unless it failed. */
  static Effect.Failed failure(String definition, String input) {
    Effect end = run(definition, input);
    org.assertj.core.api.Assertions.assertThat(end).isInstanceOf(Effect.Failed.class);
    return (Effect.Failed) end;
  }
}
