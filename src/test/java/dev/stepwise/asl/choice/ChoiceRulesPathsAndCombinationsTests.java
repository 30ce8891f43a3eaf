package dev.stepwise.asl.choice;

import static dev.stepwise.asl.choice.ChoiceRulesSupport.matches;
import static dev.stepwise.asl.choice.ChoiceRulesSupport.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.Json;
import dev.stepwise.asl.path.Bindings;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Choice rules with operands read from paths, and rules combined with And, Or and Not. */
class ChoiceRulesPathsAndCombinationsTests {
  @Nested
  class PathForms {
    @ParameterizedTest(name = "{0} on {1} is {2}")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            {"Variable": "$.a", "StringEqualsPath": "$.b"}                | {"a": "x", "b": "x"} | true
            {"Variable": "$.a", "StringEqualsPath": "$.b"}                | {"a": "x", "b": "y"} | false
            {"Variable": "$.a", "StringEqualsPath": "$.b"}                | {"a": "1", "b": 1}   | false
            {"Variable": "$.a", "StringLessThanPath": "$.b"}              | {"a": "a", "b": "b"} | true
            {"Variable": "$.a", "StringGreaterThanPath": "$.b"}           | {"a": "a", "b": "b"} | false
            {"Variable": "$.a", "StringLessThanEqualsPath": "$.b"}        | {"a": "b", "b": "b"} | true
            {"Variable": "$.a", "StringGreaterThanEqualsPath": "$.b"}     | {"a": "a", "b": "b"} | false
            {"Variable": "$.a", "NumericEqualsPath": "$.b"}               | {"a": 1, "b": 1.0}   | true
            {"Variable": "$.a", "NumericEqualsPath": "$.b"}               | {"a": 1, "b": "1"}   | false
            {"Variable": "$.a", "NumericEqualsPath": "$.b"}               | {"a": 1, "b": null}  | false
            {"Variable": "$.a", "NumericLessThanPath": "$.b"}             | {"a": 1, "b": 2}     | true
            {"Variable": "$.a", "NumericGreaterThanPath": "$.b"}          | {"a": 1, "b": 2}     | false
            {"Variable": "$.a", "NumericLessThanEqualsPath": "$.b"}       | {"a": 2, "b": 2}     | true
            {"Variable": "$.a", "NumericGreaterThanEqualsPath": "$.b"}    | {"a": 1, "b": 2}     | false
            {"Variable": "$.a", "BooleanEqualsPath": "$.b"}               | {"a": false, "b": false} | true
            {"Variable": "$.a", "BooleanEqualsPath": "$.b"}               | {"a": true, "b": false}  | false
            {"Variable": "$.a", "BooleanEqualsPath": "$.b"}               | {"a": true, "b": "true"} | false
            {"Variable": "$.a", "TimestampEqualsPath": "$.b"}             | {"a": "2024-01-01T00:00:00Z", "b": "2024-01-01T02:00:00+02:00"} | true
            {"Variable": "$.a", "TimestampEqualsPath": "$.b"}             | {"a": "2024-01-01T00:00:00Z", "b": "2024-01-01"} | false
            {"Variable": "$.a", "TimestampLessThanPath": "$.b"}           | {"a": "2024-01-01T00:00:00Z", "b": "2024-01-02T00:00:00Z"} | true
            {"Variable": "$.a", "TimestampGreaterThanPath": "$.b"}        | {"a": "2024-01-01T00:00:00Z", "b": "2024-01-02T00:00:00Z"} | false
            {"Variable": "$.a", "TimestampLessThanEqualsPath": "$.b"}     | {"a": "2024-01-02T00:00:00Z", "b": "2024-01-01T00:00:00Z"} | false
            {"Variable": "$.a", "TimestampGreaterThanEqualsPath": "$.b"}  | {"a": "2024-01-02T00:00:00Z", "b": "2024-01-01T00:00:00Z"} | true
            {"Variable": "$.a[1]", "NumericEqualsPath": "$.a[0]"}         | {"a": [3, 3]}        | true
            """)
    void compareTheVariableWithAnotherInputValue(String rule, String input, boolean expected) {
      assertThat(matches(rule, input)).isEqualTo(expected);
    }

    @Test
    void readsTheContextObjectAndVariables() {
      var context = Map.<String, Object>of("Execution", Map.of("Input", Map.of("limit", 0)));
      var bindings = new Bindings(Json.parse("{\"n\": 0}"), context, Map.of("expected", "done"));

      assertThat(
              rule("{\"Variable\": \"$$.Execution.Input.limit\", \"NumericLessThanEquals\": 0}")
                  .matches(bindings))
          .isTrue();
      assertThat(
              rule("{\"Variable\": \"$.n\", \"NumericEqualsPath\": \"$$.Execution.Input.limit\"}")
                  .matches(bindings))
          .isTrue();
      assertThat(
              rule("{\"Variable\": \"$expected\", \"StringEquals\": \"done\"}").matches(bindings))
          .isTrue();
      assertThat(
              rule("{\"Variable\": \"$expected\", \"StringEquals\": \"todo\"}").matches(bindings))
          .isFalse();
    }

    @Test
    void readsIntoAVariablesValue() {
      var bindings =
          new Bindings(Map.of(), Map.of(), Map.of("guess", Map.of("value", 7), "answer", 7));
      assertThat(
              rule("{\"Variable\": \"$guess.value\", \"NumericEqualsPath\": \"$answer\"}")
                  .matches(bindings))
          .isTrue();
    }
  }

  @Nested
  class Combinations {
    private static final String IN_TWENTIES =
        """
        {"And": [
          {"Variable": "$.value", "NumericGreaterThanEquals": 20},
          {"Variable": "$.value", "NumericLessThan": 30}]}\
        """;

    @Test
    void andNeedsEveryRule() {
      assertThat(matches(IN_TWENTIES, "{\"value\": 22}")).isTrue();
      assertThat(matches(IN_TWENTIES, "{\"value\": 30}")).isFalse();
      assertThat(matches(IN_TWENTIES, "{\"value\": 19}")).isFalse();
    }

    @Test
    void orNeedsOneRule() {
      String rule =
          """
          {"Or": [
            {"Variable": "$.v", "StringEquals": "a"},
            {"Variable": "$.v", "StringEquals": "b"}]}\
          """;
      assertThat(matches(rule, "{\"v\": \"a\"}")).isTrue();
      assertThat(matches(rule, "{\"v\": \"b\"}")).isTrue();
      assertThat(matches(rule, "{\"v\": \"c\"}")).isFalse();
    }

    @Test
    void notInvertsItsRule() {
      String rule = "{\"Not\": {\"Variable\": \"$.type\", \"StringEquals\": \"Private\"}}";
      assertThat(matches(rule, "{\"type\": \"Private\"}")).isFalse();
      assertThat(matches(rule, "{\"type\": \"Public\"}")).isTrue();
    }

    @Test
    void singleRuleCombinationsWork() {
      assertThat(matches("{\"And\": [{\"Variable\": \"$.v\", \"IsNull\": true}]}", "{\"v\": null}"))
          .isTrue();
      assertThat(matches("{\"Or\": [{\"Variable\": \"$.v\", \"IsNull\": true}]}", "{\"v\": 1}"))
          .isFalse();
    }

    @Test
    void nestsToAnyDepth() {
      String rule =
          """
          {"Not": {"Or": [
            {"And": [
              {"Variable": "$.a", "IsPresent": true},
              {"Not": {"Variable": "$.a", "BooleanEquals": true}}]},
            {"Variable": "$.b", "StringMatches": "x*"}]}}\
          """;
      assertThat(matches(rule, "{\"a\": false, \"b\": \"y\"}")).isFalse();
      assertThat(matches(rule, "{\"a\": true, \"b\": \"y\"}")).isTrue();
      assertThat(matches(rule, "{\"b\": \"xyz\"}")).isFalse();
      assertThat(matches(rule, "{\"b\": \"abc\"}")).isTrue();
    }

    @Test
    void andStopsAtTheFirstFalseRuleSoAPresenceGuardAvoidsTheRuntimeError() {
      String rule =
          """
          {"And": [
            {"Variable": "$.maybe", "IsPresent": true},
            {"Variable": "$.maybe", "StringEquals": "foo"}]}\
          """;
      assertThat(matches(rule, "{}")).isFalse();
      assertThat(matches(rule, "{\"maybe\": \"foo\"}")).isTrue();
    }

    @Test
    void orStopsAtTheFirstTrueRule() {
      String rule =
          """
          {"Or": [
            {"Variable": "$.present", "IsPresent": true},
            {"Variable": "$.missing", "StringEquals": "foo"}]}\
          """;
      assertThat(matches(rule, "{\"present\": 1}")).isTrue();
    }
  }
}
