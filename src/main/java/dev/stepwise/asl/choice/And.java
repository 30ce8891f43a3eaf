package dev.stepwise.asl.choice;

import dev.stepwise.asl.path.Bindings;
import java.util.List;

/** Matches when every rule does; stops at the first that does not, so later paths go unread. */
record And(List<ChoiceRule> rules) implements ChoiceRule {
  And {
    rules = List.copyOf(rules);
  }

  @Override
  public boolean matches(Bindings bindings) {
    for (ChoiceRule rule : rules) {
      if (!rule.matches(bindings)) return false;
    }
    return true;
  }
}
