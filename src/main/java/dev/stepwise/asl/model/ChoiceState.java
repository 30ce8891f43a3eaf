package dev.stepwise.asl.model;

import dev.stepwise.asl.choice.ChoiceRule;
import dev.stepwise.asl.jsonata.Template;
import java.util.List;

public record ChoiceState(
    String name, IoPaths io, List<Choice> choices, String defaultState, Dataflow flow)
    implements State {

  /**
   * A top-level choice rule with the state it leads to, and the {@code Assign} and {@code Output}
   * that replace the state's own when it matches (null when absent).
   */
  public record Choice(ChoiceRule rule, String next, Template assign, Template output) {}

  @Override
  public String type() {
    return "Choice";
  }
}
