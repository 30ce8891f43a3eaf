package dev.stepwise.engine;

import dev.stepwise.asl.ErrorNames;
import dev.stepwise.asl.StatesError;
import dev.stepwise.asl.model.ChoiceState;
import dev.stepwise.asl.model.Transition;
import dev.stepwise.asl.path.Bindings;

/** A Choice state: the first rule that matches names the next state, else {@code Default}. */
final class ChoiceBody {
  private ChoiceBody() {}

  static Run.Outcome run(Run run, ChoiceState choice, Token token) {
    Bindings bindings = run.bindings(token, token.input());
    Bindings effective = bindings.withInput(StateIo.inputPath(choice.io(), bindings));
    String next = choice.defaultState();
    for (var candidate : choice.choices()) {
      if (candidate.rule().matches(effective)) {
        next = candidate.next();
        break;
      }
    }
    if (next == null) {
      throw new StatesError(
          ErrorNames.NO_CHOICE_MATCHED,
          "No Matches!");
    }
    Object output = StateIo.outputPath(choice.io(), effective);
    return run.exit(choice, new Transition(next), output);
  }
}
