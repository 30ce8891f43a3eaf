package dev.stepwise.asl.choice;

import dev.stepwise.asl.Diagnostic;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Parses and validates Choice rules. */
public final class ChoiceRules {
  private ChoiceRules() {}

  /**
   * Parses one rule.
   *
   * @param node the rule's JSON object
   * @param pointer the JSON pointer of {@code node} in the definition, for diagnostics
   * @param topLevel whether this is an entry of {@code Choices} (which must have {@code Next})
   *     rather than a rule nested in {@code And}/{@code Or}/{@code Not} (which must not)
   * @param diagnostics where problems are added; the returned rule is only usable when none were
   * @return the rule, or null when this rule added diagnostics
   */
  public static ChoiceRule parse(
      JsonNode node, String pointer, boolean topLevel, List<Diagnostic> diagnostics) {
    return new RuleParser(diagnostics).parse(node, pointer, topLevel);
  }
}
