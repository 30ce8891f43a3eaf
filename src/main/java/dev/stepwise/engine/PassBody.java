package dev.stepwise.engine;

import dev.stepwise.asl.Json;
import dev.stepwise.asl.model.PassState;
import dev.stepwise.asl.path.Bindings;

/** A Pass state: its input, or its {@code Result}, placed by ResultPath. */
final class PassBody {
  private PassBody() {}

  static Run.Outcome run(Run run, PassState pass, Token token) {
    Bindings bindings = run.bindings(token, token.input());
    Object effective = StateIo.inputPath(pass.io(), bindings);
    Object result =
        pass.hasResult()
            ? Json.copy(pass.result())
            : StateIo.parameters(pass.parameters(), bindings.withInput(effective));
    Object placed = StateIo.resultPath(pass.resultPath(), token.input(), result);
    Object output = StateIo.outputPath(pass.io(), bindings.withInput(placed));
    return run.exit(pass, pass.transition(), output);
  }
}
