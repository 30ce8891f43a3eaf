package dev.stepwise.asl.choice;

import dev.stepwise.asl.path.Bindings;
import java.util.List;

/** Matches when any rule does; stops at the first that does, so later paths go unread. */
record Or(List<ChoiceRule> rules) implements ChoiceRule {
  Or {
    rules = List.copyOf(rules);
  }

  @Override
  public boolean matches(Bindings bindings) {
    for (ChoiceRule rule : rules) {
      if (rule.matches(bindings)) return true;
    }
    return false;
  }
}
