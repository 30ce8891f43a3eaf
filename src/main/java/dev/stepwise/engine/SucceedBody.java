package dev.stepwise.engine;

import dev.stepwise.asl.model.SucceedState;
import dev.stepwise.asl.path.Bindings;

/** A Succeed state: ends its token with its input, through InputPath and OutputPath or Output. */
final class SucceedBody {
  private SucceedBody() {}

  static Run.Flow run(Run run, SucceedState succeed, Token token) {
    Object output;
    if (succeed.flow().jsonata()) {
      output = JsonataIo.output(succeed.flow().output(), run.jsonataScope(token), token.input());
    } else {
      Bindings bindings = run.bindings(token, token.input());
      Object effective = StateIo.inputPath(succeed.io(), bindings);
      run.probe().record(Inspected.AFTER_INPUT_PATH, effective);
      output = StateIo.outputPath(succeed.io(), bindings.withInput(effective));
    }
    run.event("SucceedStateExited", "name", succeed.name(), "output", output);
    return run.done(null, new Effect.Finished(output));
  }
}
