package dev.stepwise.execution;

import dev.stepwise.asl.ErrorNames;
import dev.stepwise.asl.Json;
import dev.stepwise.engine.Effect;
import dev.stepwise.engine.Interpreter;
import dev.stepwise.engine.Step;
import dev.stepwise.engine.StepContext;
import dev.stepwise.engine.Token;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Asks the interpreter for a token's next step, in a change. */
final class Decisions {
  private static final Logger log = LoggerFactory.getLogger(Decisions.class);

  private Decisions() {}

  /** What to ask the interpreter, given the token's current position. */
  interface Action {
    Step apply(Interpreter interpreter, Token position, StepContext context);
  }

  /** Advances a token entering a state (or whose timer fired). */
  static final Action ADVANCE =
      (interpreter, position, context) -> interpreter.advance(position, context);

  /**
   * Asks the interpreter. It is pure, so an exception other than an ASL error is a defect: the
   * token fails with {@code States.Runtime} rather than the item being retried forever.
   */
  static Step decide(Action action, ExecutionChange change, TokenRow token) {
    try {
      return action.apply(change.interpreter(), token.position(), change.context());
    } catch (RuntimeException e) {
      log.error("The interpreter failed on execution {}", change.executionId(), e);
      return new Step(List.of(), null, new Effect.Failed(ErrorNames.RUNTIME, plainCause(e)));
    }
  }

  /** A cause for the execution's reader: it names no Java class (the log has the details). */
  private static String plainCause(RuntimeException e) {
    if (e instanceof Json.TooDeepException) return e.getMessage();
    return "Internal error while running the state (logged by the service)";
  }
}
