package dev.stepwise.engine;

import dev.stepwise.asl.ErrorNames;
import dev.stepwise.asl.StatesError;
import dev.stepwise.asl.jsonata.JsonataScope;
import dev.stepwise.asl.jsonata.Template;
import dev.stepwise.asl.model.ChoiceState;
import dev.stepwise.asl.model.Transition;
import dev.stepwise.asl.path.Bindings;
import java.util.Map;

/**
 * A Choice state: the first rule that matches names the next state, else {@code Default}. The
 * state's {@code Assign} always applies, a matching rule's on top of it (AWS); a matching rule's
 * {@code Output} replaces the state's.
 */
final class ChoiceBody {
  private ChoiceBody() {}

  static Run.Flow run(Run run, ChoiceState choice, Token token) {
    boolean jsonata = choice.flow().jsonata();
    Bindings bindings = run.bindings(token, token.input());
    Bindings effective =
        jsonata ? bindings : bindings.withInput(StateIo.inputPath(choice.io(), bindings));
    if (!jsonata) run.probe().record(Inspected.AFTER_INPUT_PATH, effective.input());
    ChoiceState.Choice matched = null;
    for (var candidate : choice.choices()) {
      if (candidate.rule().matches(effective)) {
        matched = candidate;
        break;
      }
    }
    String next = matched != null ? matched.next() : choice.defaultState();
    if (next == null) {
      throw new StatesError(ErrorNames.NO_CHOICE_MATCHED, "No Matches!");
    }
    Template ruleAssign = matched != null ? matched.assign() : null;
    Object output;
    Map<String, Object> variables;
    if (jsonata) {
      JsonataScope scope = run.jsonataScope(token);
      Template outputTemplate =
          matched != null && matched.output() != null ? matched.output() : choice.flow().output();
      output = JsonataIo.output(outputTemplate, scope, token.input());
      var before = token.variables();
      variables = Assignments.jsonata(choice.flow().assign(), scope, before, run.payloadLimit());
      variables = Assignments.jsonata(ruleAssign, scope, variables, run.payloadLimit());
    } else {
      output = StateIo.outputPath(choice.io(), effective);
      int limit = run.payloadLimit();
      variables = Assignments.jsonPath(choice.flow().assign(), effective, token.variables(), limit);
      variables = Assignments.jsonPath(ruleAssign, effective, variables, limit);
    }
    return run.exit(choice, new Transition(next), output, variables);
  }
}
