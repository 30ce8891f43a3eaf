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
    Object result;
    Probe probe = run.probe();
    if (pass.hasResult()) {
      result = Json.copy(pass.result());
      probe.record(Inspected.RESULT, result);
    } else {
      result = StateIo.parameters(pass.parameters(), bindings.withInput(effective));
      probe.record(Inspected.AFTER_INPUT_PATH, effective);
      probe.record(Inspected.AFTER_PARAMETERS, result);
    }
    // A Pass state has no ResultSelector; AWS shows its result unchanged under that name.
    probe.record(Inspected.AFTER_RESULT_SELECTOR, result);
    Object placed = StateIo.resultPath(pass.resultPath(), token.input(), result);
    probe.record(Inspected.AFTER_RESULT_PATH, placed);
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
