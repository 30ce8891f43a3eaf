package dev.stepwise.asl.model;

import dev.stepwise.asl.choice.ChoiceRule;
import java.util.List;

public record ChoiceState(String name, IoPaths io, List<Choice> choices, String defaultState)
    implements State {

  /** A top-level choice rule with the state it leads to. */
  public record Choice(ChoiceRule rule, String next) {}

  @Override
  public String type() {
    return "Choice";
  }
}
