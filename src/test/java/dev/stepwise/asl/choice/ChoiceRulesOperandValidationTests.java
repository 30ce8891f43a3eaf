package dev.stepwise.asl.choice;

import static dev.stepwise.asl.choice.ChoiceRulesSupport.RULE;
import static dev.stepwise.asl.choice.ChoiceRulesSupport.assertDiagnostic;
import static dev.stepwise.asl.choice.ChoiceRulesSupport.diagnostics;
import static dev.stepwise.asl.choice.ChoiceRulesSupport.nestedDiagnostics;
import static dev.stepwise.asl.choice.ChoiceRulesSupport.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.Diagnostic;
import dev.stepwise.asl.Json;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Validation of a Choice rule's operands: the operator's value type, paths, variables, and the
 * rules inside And, Or and Not.
 */
class ChoiceRulesOperandValidationTests {
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          StringEquals               | 1                         | a string
          StringLessThan             | null                      | a string
          StringGreaterThan          | ["a"]                     | a string
          StringLessThanEquals       | true                      | a string
          StringGreaterThanEquals    | {}                        | a string
          StringMatches              | 5                         | a string
          NumericEquals              | "1"                       | a number
          NumericLessThan            | true                      | a number
          NumericGreaterThan         | null                      | a number
          NumericLessThanEquals      | [1]                       | a number
          NumericGreaterThanEquals   | "x"                       | a number
          BooleanEquals              | "true"                    | a boolean
          BooleanEquals              | 1                         | a boolean
          TimestampEquals            | "2024-01-01"              | timestamp
          TimestampLessThan          | "2024-01-01T00:00:00"     | timestamp
          TimestampGreaterThan       | 1704067200                | timestamp
          TimestampLessThanEquals    | "2024-01-01 00:00:00Z"    | timestamp
          TimestampGreaterThanEquals | "2024-13-01T00:00:00Z"    | timestamp
          IsNull                     | "true"                    | a boolean
          IsPresent                  | 1                         | a boolean
          IsNumeric                  | null                      | a boolean
          IsString                   | "yes"                     | a boolean
          IsBoolean                  | 0                         | a boolean
          IsTimestamp                | "2024-01-01T00:00:00Z"    | a boolean
          """)
  void operatorValueMustHaveTheOperatorsType(String operator, String value, String expected) {
    String json = "{\"Variable\": \"$.v\", \"" + operator + "\": " + value + "}";
    assertThat(nestedDiagnostics(json))
        .singleElement()
        .satisfies(
            d -> assertDiagnostic(d, "SCHEMA_VALIDATION_FAILED", RULE + "/" + operator, expected));
  }

  @Test
  void pathOperandMustBeAPathString() {
    assertThat(nestedDiagnostics("{\"Variable\": \"$.v\", \"NumericEqualsPath\": 3}"))
        .singleElement()
        .satisfies(
            d ->
                assertDiagnostic(
                    d, "SCHEMA_VALIDATION_FAILED", RULE + "/NumericEqualsPath", "path"));
    assertThat(nestedDiagnostics("{\"Variable\": \"$.v\", \"StringEqualsPath\": \"other\"}"))
        .singleElement()
        .satisfies(
            d -> assertDiagnostic(d, "INVALID_JSON_PATH", RULE + "/StringEqualsPath", "other"));
    assertThat(nestedDiagnostics("{\"Variable\": \"$.v\", \"TimestampEqualsPath\": \"$.a['b\"}"))
        .singleElement()
        .satisfies(
            d -> assertDiagnostic(d, "INVALID_JSON_PATH", RULE + "/TimestampEqualsPath", "$.a['b"));
  }

  @Test
  void comparisonNeedsAVariable() {
    assertThat(nestedDiagnostics("{\"StringEquals\": \"a\"}"))
        .singleElement()
        .satisfies(d -> assertDiagnostic(d, "SCHEMA_VALIDATION_FAILED", RULE, "Variable"));
  }

  @Test
  void variableMustBeAValidPath() {
    assertThat(nestedDiagnostics("{\"Variable\": 5, \"IsNull\": true}"))
        .singleElement()
        .satisfies(
            d -> assertDiagnostic(d, "SCHEMA_VALIDATION_FAILED", RULE + "/Variable", "path"));
    assertThat(nestedDiagnostics("{\"Variable\": \"v\", \"IsNull\": true}"))
        .singleElement()
        .satisfies(d -> assertDiagnostic(d, "INVALID_JSON_PATH", RULE + "/Variable", "'v'"));
    assertThat(nestedDiagnostics("{\"Variable\": \"$.a['b\", \"IsNull\": true}"))
        .singleElement()
        .satisfies(d -> assertDiagnostic(d, "INVALID_JSON_PATH", RULE + "/Variable", "$.a['b"));
    assertThat(nestedDiagnostics("{\"Variable\": \"$var..\", \"IsNull\": true}"))
        .singleElement()
        .satisfies(d -> assertDiagnostic(d, "INVALID_JSON_PATH", RULE + "/Variable", "$var.."));
  }

  @Test
  void combinationsDoNotTakeAVariable() {
    String json = "{\"Variable\": \"$.v\", \"Not\": {\"Variable\": \"$.v\", \"IsNull\": true}}";
    assertThat(nestedDiagnostics(json))
        .singleElement()
        .satisfies(d -> assertDiagnostic(d, "SCHEMA_VALIDATION_FAILED", RULE + "/Variable", "Not"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"And", "Or"})
  void andOrNeedANonEmptyArrayOfRules(String operator) {
    assertThat(nestedDiagnostics("{\"" + operator + "\": []}"))
        .singleElement()
        .satisfies(
            d ->
                assertDiagnostic(
                    d, "SCHEMA_VALIDATION_FAILED", RULE + "/" + operator, "non-empty array"));
    assertThat(
            nestedDiagnostics("{\"" + operator + "\": {\"Variable\": \"$.v\", \"IsNull\": true}}"))
        .singleElement()
        .satisfies(
            d ->
                assertDiagnostic(
                    d, "SCHEMA_VALIDATION_FAILED", RULE + "/" + operator, "non-empty array"));
  }

  @Test
  void andOrElementsMustBeRules() {
    String json = "{\"Or\": [{\"Variable\": \"$.v\", \"IsNull\": true}, \"IsNull\"]}";
    assertThat(nestedDiagnostics(json))
        .singleElement()
        .satisfies(d -> assertDiagnostic(d, "SCHEMA_VALIDATION_FAILED", RULE + "/Or/1", "object"));
  }

  @Test
  void notNeedsOneRuleObject() {
    String json = "{\"Not\": [{\"Variable\": \"$.v\", \"IsNull\": true}]}";
    assertThat(nestedDiagnostics(json))
        .singleElement()
        .satisfies(d -> assertDiagnostic(d, "SCHEMA_VALIDATION_FAILED", RULE + "/Not", "object"));
  }

  @Test
  void reportsProblemsDeepInsideNestedRules() {
    String json =
        """
        {"Not": {"And": [
          {"Variable": "$.a", "IsNull": true},
          {"Or": [{"Variable": "$.b", "NumericEquals": "x"}, {"Variable": "c", "IsNull": true}]}]},
         "Next": "Done"}\
        """;
    assertThat(diagnostics(json, true))
        .extracting(Diagnostic::code, Diagnostic::location)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "SCHEMA_VALIDATION_FAILED", RULE + "/Not/And/1/Or/0/NumericEquals"),
            org.assertj.core.groups.Tuple.tuple(
                "INVALID_JSON_PATH", RULE + "/Not/And/1/Or/1/Variable"));
  }

  @Test
  void keepsDiagnosticsAlreadyInTheList() {
    var diagnostics = new ArrayList<Diagnostic>();
    diagnostics.add(new Diagnostic("EARLIER", "from another state", "/States/Other"));
    ChoiceRule rule =
        ChoiceRules.parse(
            Json.mapper().readTree("{\"Variable\": \"$.v\", \"IsNull\": true}"),
            RULE,
            false,
            diagnostics);
    assertThat(rule).isNotNull();
    assertThat(diagnostics).hasSize(1);
  }
}
