package dev.stepwise.asl.choice;

import dev.stepwise.asl.path.Bindings;

/**
 * A Choice state's rule (a comparison, or {@code And}/{@code Or}/{@code Not} of rules), as parsed
 * by {@link ChoiceRules#parse}.
 */
public interface ChoiceRule {

  /**
   * Whether the rule matches the Choice state's effective input.
   *
   * @param bindings the state's input after InputPath, the context object and variables
   * @throws dev.stepwise.asl.StatesError {@code States.Runtime} when a path the rule needs is
   *     invalid for this input, as AWS raises it
   */
  boolean matches(Bindings bindings);
}
