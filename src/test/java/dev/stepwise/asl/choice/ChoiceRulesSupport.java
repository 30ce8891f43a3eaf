package dev.stepwise.asl.choice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.Diagnostic;
import dev.stepwise.asl.Json;
import dev.stepwise.asl.path.Bindings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the Choice rule tests share: parsing a rule (valid or not) and asserting a diagnostic. */
final class ChoiceRulesSupport {
  private ChoiceRulesSupport() {}

  static final String RULE = "/States/Check/Choices/0";

  /** Parses a nested rule (no {@code Next}) that must be valid. */
  static ChoiceRule rule(String json) {
    var diagnostics = new ArrayList<Diagnostic>();
    ChoiceRule rule = ChoiceRules.parse(Json.mapper().readTree(json), RULE, false, diagnostics);
    assertThat(diagnostics).isEmpty();
    assertThat(rule).isNotNull();
    return rule;
  }

  static boolean matches(String ruleJson, String inputJson) {
    return rule(ruleJson).matches(new Bindings(Json.parse(inputJson), Map.of()));
  }

  static List<Diagnostic> diagnostics(String json, boolean topLevel) {
    var diagnostics = new ArrayList<Diagnostic>();
    ChoiceRule rule = ChoiceRules.parse(Json.mapper().readTree(json), RULE, topLevel, diagnostics);
    assertThat(rule).as("a rule with diagnostics is not usable").isNull();
    return diagnostics;
  }

  static List<Diagnostic> nestedDiagnostics(String json) {
    return diagnostics(json, false);
  }

  static void assertDiagnostic(
      Diagnostic diagnostic, String code, String location, String messagePart) {
    assertThat(diagnostic.code()).isEqualTo(code);
    assertThat(diagnostic.location()).isEqualTo(location);
    assertThat(diagnostic.message()).contains(messagePart);
  }
}
