package dev.stepwise.asl.choice;

import static dev.stepwise.asl.choice.ChoiceRulesSupport.RULE;
import static dev.stepwise.asl.choice.ChoiceRulesSupport.assertDiagnostic;
import static dev.stepwise.asl.choice.ChoiceRulesSupport.diagnostics;
import static dev.stepwise.asl.choice.ChoiceRulesSupport.nestedDiagnostics;
import static dev.stepwise.asl.choice.ChoiceRulesSupport.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.Diagnostic;
import dev.stepwise.asl.Json;
import dev.stepwise.asl.path.Bindings;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Validation of the shape of a Choice rule: an object with Next where it needs one, one operator,
 * known fields.
 */
class ChoiceRulesShapeValidationTests {
  @Test
  void acceptsAValidTopLevelRule() {
    var diagnostics = new ArrayList<Diagnostic>();
    ChoiceRule rule =
        ChoiceRules.parse(
            Json.mapper()
                .readTree(
                    """
                    {"Variable": "$.v", "NumericEquals": 1, "Next": "Done",
                     "Comment": "why", "Assign": {"seen": true}}\
                    """),
            RULE,
            true,
            diagnostics);
    assertThat(diagnostics).isEmpty();
    assertThat(rule.matches(new Bindings(Map.of("v", 1), Map.of()))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "$",
        "$.a.b",
        "$.a[0]",
        "$['a b']",
        "$.items[?(@.n > 1)]",
        "$$",
        "$$.Execution.Input",
        "$myVar",
        "$my_var2.field[0]"
      })
  void acceptsEveryKindOfPathAsVariable(String path) {
    var diagnostics = new ArrayList<Diagnostic>();
    String json = Json.write(Map.of("Variable", path, "IsPresent", true));
    ChoiceRules.parse(Json.mapper().readTree(json), RULE, false, diagnostics);
    assertThat(diagnostics).isEmpty();
  }

  @Test
  void ruleMustBeAnObject() {
    assertThat(nestedDiagnostics("[]"))
        .containsExactly(
            new Diagnostic("SCHEMA_VALIDATION_FAILED", "A choice rule must be an object", RULE));
  }

  @Test
  void topLevelRuleNeedsNext() {
    assertThat(diagnostics("{\"Variable\": \"$.v\", \"IsNull\": true}", true))
        .singleElement()
        .satisfies(d -> assertDiagnostic(d, "SCHEMA_VALIDATION_FAILED", RULE, "'Next'"));
  }

  @Test
  void nextMustBeAString() {
    assertThat(diagnostics("{\"Variable\": \"$.v\", \"IsNull\": true, \"Next\": 3}", true))
        .singleElement()
        .satisfies(d -> assertDiagnostic(d, "SCHEMA_VALIDATION_FAILED", RULE + "/Next", "Next"));
  }

  @Test
  void nestedRuleMustNotHaveNext() {
    String json =
        """
        {"And": [{"Variable": "$.v", "IsNull": true, "Next": "Elsewhere"}], "Next": "Done"}\
        """;
    assertThat(diagnostics(json, true))
        .singleElement()
        .satisfies(
            d -> assertDiagnostic(d, "SCHEMA_VALIDATION_FAILED", RULE + "/And/0/Next", "Next"));
  }

  @Test
  void ruleNeedsAnOperator() {
    assertThat(nestedDiagnostics("{\"Variable\": \"$.v\"}"))
        .singleElement()
        .satisfies(d -> assertDiagnostic(d, "SCHEMA_VALIDATION_FAILED", RULE, "operator"));
  }

  @Test
  void ruleHasOneOperatorOnly() {
    String json = "{\"Variable\": \"$.v\", \"StringEquals\": \"a\", \"NumericEquals\": 1}";
    assertThat(nestedDiagnostics(json))
        .singleElement()
        .satisfies(
            d ->
                assertDiagnostic(
                    d, "SCHEMA_VALIDATION_FAILED", RULE + "/NumericEquals", "StringEquals"));
  }

  @Test
  void combinationAndComparisonCannotShareARule() {
    String json = "{\"Not\": {\"Variable\": \"$.v\", \"IsNull\": true}, \"IsNull\": true}";
    assertThat(nestedDiagnostics(json))
        .extracting(Diagnostic::location)
        .containsExactly(RULE + "/IsNull");
  }

  @Test
  void unknownFieldsAreReportedWhereTheyAre() {
    String json = "{\"Variable\": \"$.v\", \"IsNull\": true, \"Foo\": 1, \"a/b~c\": 2}";
    assertThat(nestedDiagnostics(json))
        .extracting(Diagnostic::code, Diagnostic::location)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("SCHEMA_VALIDATION_FAILED", RULE + "/Foo"),
            org.assertj.core.groups.Tuple.tuple("SCHEMA_VALIDATION_FAILED", RULE + "/a~1b~0c"));
  }

  @Test
  void assignIsOnlyForTopLevelRules() {
    String json = "{\"Variable\": \"$.v\", \"IsNull\": true, \"Assign\": {}}";
    assertThat(nestedDiagnostics(json))
        .singleElement()
        .satisfies(
            d -> assertDiagnostic(d, "SCHEMA_VALIDATION_FAILED", RULE + "/Assign", "Assign"));
  }

  @Test
  void commentMustBeAString() {
    String json = "{\"Variable\": \"$.v\", \"IsNull\": true, \"Comment\": 1}";
    assertThat(nestedDiagnostics(json))
        .singleElement()
        .satisfies(
            d -> assertDiagnostic(d, "SCHEMA_VALIDATION_FAILED", RULE + "/Comment", "Comment"));
  }

  @Test
  void stringMatchesHasNoPathForm() {
    String json = "{\"Variable\": \"$.v\", \"StringMatchesPath\": \"$.p\"}";
    assertThat(nestedDiagnostics(json))
        .extracting(Diagnostic::location)
        .contains(RULE + "/StringMatchesPath");
  }
}
