package dev.stepwise.engine;

import dev.stepwise.asl.jsonata.JsonataScope;
import dev.stepwise.asl.model.Catcher;
import dev.stepwise.asl.model.State;
import java.util.Map;

/** A catcher takes over: its output (ResultPath or {@code Output}) and its {@code Assign}. */
final class Catching {
  private Catching() {}

  static Run.Flow caught(
      Run run, State state, Catcher catcher, Token token, Map<String, Object> errorOutput) {
    Object output;
    Map<String, Object> variables;
    if (state.flow().jsonata()) {
      JsonataScope scope = run.jsonataScope(token).withErrorOutput(errorOutput);
      output = JsonataIo.output(catcher.output(), scope, errorOutput);
      variables =
          Assignments.jsonata(catcher.assign(), scope, token.variables(), run.payloadLimit());
    } else {
      output = StateIo.resultPath(catcher.resultPath(), token.input(), errorOutput);
      variables =
          Assignments.jsonPath(
              catcher.assign(),
              run.bindings(token, errorOutput),
              token.variables(),
              run.payloadLimit());
    }
    return new Run.Next(catcher.next(), output, variables);
  }
}
