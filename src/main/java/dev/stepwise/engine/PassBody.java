package dev.stepwise.engine;

import dev.stepwise.asl.Json;
import dev.stepwise.asl.jsonata.JsonataScope;
import dev.stepwise.asl.model.PassState;
import dev.stepwise.asl.path.Bindings;
import java.util.Map;

/** A Pass state: its input, or its {@code Result}, placed by ResultPath; or its {@code Output}. */
final class PassBody {
  private PassBody() {}

  static Run.Flow run(Run run, PassState pass, Token token) {
    if (pass.flow().jsonata()) {
      JsonataScope scope = run.jsonataScope(token);
      Object output = JsonataIo.output(pass.flow().output(), scope, token.input());
      Map<String, Object> variables =
          Assignments.jsonata(pass.flow().assign(), scope, token.variables(), run.payloadLimit());
      return run.exit(pass, pass.transition(), output, variables);
    }
    Bindings bindings = run.bindings(token, token.input());
    Object effective = StateIo.inputPath(pass.io(), bindings);
    Object result =
        pass.hasResult()
            ? Json.copy(pass.result())
            : StateIo.parameters(pass.parameters(), bindings.withInput(effective));
    Object placed = StateIo.resultPath(pass.resultPath(), token.input(), result);
    Object output = StateIo.outputPath(pass.io(), bindings.withInput(placed));
    Map<String, Object> variables =
        Assignments.jsonPath(
            pass.flow().assign(),
            bindings.withInput(result),
            token.variables(),
            run.payloadLimit());
    return run.exit(pass, pass.transition(), output, variables);
  }
}
