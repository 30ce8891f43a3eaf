package dev.stepwise.asl.choice;

import dev.stepwise.asl.path.Bindings;

record Not(ChoiceRule rule) implements ChoiceRule {
  @Override
  public boolean matches(Bindings bindings) {
    return !rule.matches(bindings);
  }
}
