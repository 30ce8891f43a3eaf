package dev.stepwise.asl.choice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.asl.Diagnostic;
import dev.stepwise.asl.ErrorNames;
import dev.stepwise.asl.Json;
import dev.stepwise.asl.StatesError;
import dev.stepwise.asl.path.Bindings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChoiceRulesTests {
  private static final String RULE = "/States/Check/Choices/0";

  /** Parses a nested rule (no {@code Next}) that must be valid. */
  private static ChoiceRule rule(String json) {
    var diagnostics = new ArrayList<Diagnostic>();
    ChoiceRule rule = ChoiceRules.parse(Json.mapper().readTree(json), RULE, false, diagnostics);
    assertThat(diagnostics).isEmpty();
    assertThat(rule).isNotNull();
    return rule;
  }

  private static boolean matches(String ruleJson, String inputJson) {
    return rule(ruleJson).matches(new Bindings(Json.parse(inputJson), Map.of()));
  }

  private static List<Diagnostic> diagnostics(String json, boolean topLevel) {
    var diagnostics = new ArrayList<Diagnostic>();
    ChoiceRule rule = ChoiceRules.parse(Json.mapper().readTree(json), RULE, topLevel, diagnostics);
    assertThat(rule).as("a rule with diagnostics is not usable").isNull();
    return diagnostics;
  }

  private static List<Diagnostic> nestedDiagnostics(String json) {
    return diagnostics(json, false);
  }

  @Nested
  class Comparisons {
    @ParameterizedTest(name = "{0} on {1} is {2}")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            {"Variable": "$.v", "StringEquals": "abc"}             | {"v": "abc"}  | true
            {"Variable": "$.v", "StringEquals": "abc"}             | {"v": "abd"}  | false
            {"Variable": "$.v", "StringEquals": "abc"}             | {"v": "ABC"}  | false
            {"Variable": "$.v", "StringEquals": " "}               | {"v": "  "}   | false
            {"Variable": "$.v", "StringEquals": "1"}               | {"v": 1}      | false
            {"Variable": "$.v", "StringEquals": "null"}            | {"v": null}   | false
            {"Variable": "$.v", "StringEquals": "true"}            | {"v": true}   | false
            {"Variable": "$.v", "StringLessThan": "b"}             | {"v": "a"}    | true
            {"Variable": "$.v", "StringLessThan": "a"}             | {"v": "a"}    | false
            {"Variable": "$.v", "StringLessThan": "ab"}            | {"v": "a"}    | true
            {"Variable": "$.v", "StringLessThan": "b"}             | {"v": ["a"]}  | false
            {"Variable": "$.v", "StringGreaterThan": "a"}          | {"v": "b"}    | true
            {"Variable": "$.v", "StringGreaterThan": "b"}          | {"v": "a"}    | false
            {"Variable": "$.v", "StringGreaterThan": "a"}          | {"v": 5}      | false
            {"Variable": "$.v", "StringLessThanEquals": "a"}       | {"v": "a"}    | true
            {"Variable": "$.v", "StringLessThanEquals": "a"}       | {"v": "b"}    | false
            {"Variable": "$.v", "StringLessThanEquals": "a"}       | {"v": {}}     | false
            {"Variable": "$.v", "StringGreaterThanEquals": "a"}    | {"v": "a"}    | true
            {"Variable": "$.v", "StringGreaterThanEquals": "b"}    | {"v": "a"}    | false
            {"Variable": "$.v", "StringGreaterThanEquals": ""}     | {"v": false}  | false
            {"Variable": "$.v", "StringMatches": "log-*.txt"}      | {"v": "log-2024.txt"} | true
            {"Variable": "$.v", "StringMatches": "log-*.txt"}      | {"v": "log-.txt"}     | true
            {"Variable": "$.v", "StringMatches": "log-*.txt"}      | {"v": "log.txt"}      | false
            {"Variable": "$.v", "StringMatches": "log-*.txt"}      | {"v": "log-1.txt.gz"} | false
            {"Variable": "$.v", "StringMatches": "*"}              | {"v": ""}             | true
            {"Variable": "$.v", "StringMatches": "a*b*c"}          | {"v": "aXbYc"}        | true
            {"Variable": "$.v", "StringMatches": "a*b*c"}          | {"v": "abc"}          | true
            {"Variable": "$.v", "StringMatches": "a*b*c"}          | {"v": "acb"}          | false
            {"Variable": "$.v", "StringMatches": "a*a"}            | {"v": "a"}            | false
            {"Variable": "$.v", "StringMatches": "a?c"}            | {"v": "abc"}          | false
            {"Variable": "$.v", "StringMatches": "a?c"}            | {"v": "a?c"}          | true
            {"Variable": "$.v", "StringMatches": "a.c"}            | {"v": "abc"}          | false
            {"Variable": "$.v", "StringMatches": "*"}              | {"v": 1}              | false
            {"Variable": "$.v", "NumericEquals": 1}                | {"v": 1}      | true
            {"Variable": "$.v", "NumericEquals": 1}                | {"v": 1.0}    | true
            {"Variable": "$.v", "NumericEquals": 2.22}             | {"v": 2.22}   | true
            {"Variable": "$.v", "NumericEquals": 1}                | {"v": 1.1}    | false
            {"Variable": "$.v", "NumericEquals": 1}                | {"v": "1"}    | false
            {"Variable": "$.v", "NumericEquals": 1}                | {"v": true}   | false
            {"Variable": "$.v", "NumericEquals": 0}                | {"v": null}   | false
            {"Variable": "$.v", "NumericEquals": 0}                | {"v": []}     | false
            {"Variable": "$.v", "NumericEquals": 123456789012345678901234567890} | {"v": 123456789012345678901234567890} | true
            {"Variable": "$.v", "NumericEquals": 123456789012345678901234567890} | {"v": 123456789012345678901234567891} | false
            {"Variable": "$.v", "NumericLessThan": 9007199254740993} | {"v": 9007199254740992} | true
            {"Variable": "$.v", "NumericLessThan": 1}              | {"v": 0.5}    | true
            {"Variable": "$.v", "NumericLessThan": 1}              | {"v": 1}      | false
            {"Variable": "$.v", "NumericLessThan": 1}              | {"v": -1e300} | true
            {"Variable": "$.v", "NumericLessThan": 1}              | {"v": "0"}    | false
            {"Variable": "$.v", "NumericGreaterThan": 1}           | {"v": 1.0001} | true
            {"Variable": "$.v", "NumericGreaterThan": 1}           | {"v": 1.0}    | false
            {"Variable": "$.v", "NumericGreaterThan": -1}          | {"v": false}  | false
            {"Variable": "$.v", "NumericLessThanEquals": 1}        | {"v": 1.0}    | true
            {"Variable": "$.v", "NumericLessThanEquals": 1}        | {"v": 2}      | false
            {"Variable": "$.v", "NumericGreaterThanEquals": 1.5}   | {"v": 1.5}    | true
            {"Variable": "$.v", "NumericGreaterThanEquals": 1.5}   | {"v": 1}      | false
            {"Variable": "$.v", "BooleanEquals": true}             | {"v": true}   | true
            {"Variable": "$.v", "BooleanEquals": false}            | {"v": false}  | true
            {"Variable": "$.v", "BooleanEquals": true}             | {"v": false}  | false
            {"Variable": "$.v", "BooleanEquals": true}             | {"v": "true"} | false
            {"Variable": "$.v", "BooleanEquals": true}             | {"v": 1}      | false
            {"Variable": "$.v", "BooleanEquals": false}            | {"v": null}   | false
            {"Variable": "$.v", "BooleanEquals": false}            | {"v": 0}      | false
            {"Variable": "$.v", "TimestampEquals": "2024-01-01T00:00:00Z"}      | {"v": "2024-01-01T00:00:00Z"}      | true
            {"Variable": "$.v", "TimestampEquals": "2024-01-01T00:00:00Z"}      | {"v": "2024-01-01T00:00:01Z"}      | false
            {"Variable": "$.v", "TimestampEquals": "2024-01-01T00:00:00Z"}      | {"v": 0}                           | false
            {"Variable": "$.v", "TimestampLessThan": "2024-01-01T00:00:01Z"}    | {"v": "2024-01-01T00:00:00Z"}      | true
            {"Variable": "$.v", "TimestampLessThan": "2024-01-01T00:00:00Z"}    | {"v": "2024-01-01T00:00:00Z"}      | false
            {"Variable": "$.v", "TimestampGreaterThan": "2024-01-01T00:00:00Z"} | {"v": "2024-01-01T00:00:01Z"}      | true
            {"Variable": "$.v", "TimestampGreaterThan": "2024-01-01T00:00:01Z"} | {"v": "2024-01-01T00:00:00Z"}      | false
            {"Variable": "$.v", "TimestampLessThanEquals": "2024-01-01T00:00:00Z"}    | {"v": "2024-01-01T00:00:00Z"} | true
            {"Variable": "$.v", "TimestampLessThanEquals": "2024-01-01T00:00:00Z"}    | {"v": "2024-01-01T00:00:01Z"} | false
            {"Variable": "$.v", "TimestampGreaterThanEquals": "2024-01-01T00:00:00Z"} | {"v": "2024-01-01T00:00:00Z"} | true
            {"Variable": "$.v", "TimestampGreaterThanEquals": "2024-01-01T00:00:01Z"} | {"v": "2024-01-01T00:00:00Z"} | false
            """)
    void compareTheVariableWithALiteral(String rule, String input, boolean expected) {
      assertThat(matches(rule, input)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} on {1} is {2}")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            {"Variable": "$.v", "IsNull": true}       | {"v": null}   | true
            {"Variable": "$.v", "IsNull": true}       | {"v": 0}      | false
            {"Variable": "$.v", "IsNull": false}      | {"v": ""}     | true
            {"Variable": "$.v", "IsNull": false}      | {"v": null}   | false
            {"Variable": "$.v", "IsNumeric": true}    | {"v": 1.5}    | true
            {"Variable": "$.v", "IsNumeric": true}    | {"v": "1"}    | false
            {"Variable": "$.v", "IsNumeric": false}   | {"v": true}   | true
            {"Variable": "$.v", "IsNumeric": false}   | {"v": 0}      | false
            {"Variable": "$.v", "IsString": true}     | {"v": ""}     | true
            {"Variable": "$.v", "IsString": true}     | {"v": [""]}   | false
            {"Variable": "$.v", "IsString": false}    | {"v": null}   | true
            {"Variable": "$.v", "IsString": false}    | {"v": "x"}    | false
            {"Variable": "$.v", "IsBoolean": true}    | {"v": false}  | true
            {"Variable": "$.v", "IsBoolean": true}    | {"v": "true"} | false
            {"Variable": "$.v", "IsBoolean": false}   | {"v": {}}     | true
            {"Variable": "$.v", "IsBoolean": false}   | {"v": true}   | false
            {"Variable": "$.v", "IsTimestamp": true}  | {"v": "2016-03-14T01:59:00Z"} | true
            {"Variable": "$.v", "IsTimestamp": true}  | {"v": "2016-03-14"}           | false
            {"Variable": "$.v", "IsTimestamp": true}  | {"v": 1457920740}             | false
            {"Variable": "$.v", "IsTimestamp": false} | {"v": "2016-03-14T01:59:00"}  | true
            {"Variable": "$.v", "IsTimestamp": false} | {"v": "2016-03-14T01:59:00+01:00"} | false
            {"Variable": "$.v", "IsPresent": true}    | {"v": null}   | true
            {"Variable": "$.v", "IsPresent": true}    | {}            | false
            {"Variable": "$.v", "IsPresent": false}   | {}            | true
            {"Variable": "$.v", "IsPresent": false}   | {"v": 0}      | false
            {"Variable": "$.a.b.c", "IsPresent": true} | {"a": 1}     | false
            {"Variable": "$.a[3]", "IsPresent": true} | {"a": [1]}    | false
            """)
    void testTheVariablesType(String rule, String input, boolean expected) {
      assertThat(matches(rule, input)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is a timestamp: {1}")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            2024-01-01T00:00:00Z                | true
            2024-01-01T00:00:00.5Z              | true
            2024-01-01T00:00:00.123456789Z      | true
            2024-01-01T00:00:00+05:30           | true
            2024-01-01T00:00:00-00:00           | true
            2024-01-01T00:00:00.000000+02:00    | true
            2024-01-01T00:00:00.1234567891Z     | false
            2024-01-01T00:00:00                 | false
            2024-01-01T00:00Z                   | false
            2024-01-01 00:00:00Z                | false
            2024-01-01t00:00:00Z                | false
            2024-01-01T00:00:00z                | false
            2024-01-01T00:00:00+0100            | false
            2024-01-01T00:00:00.Z               | false
            2024-01-01                          | false
            2024-02-30T00:00:00Z                | false
            2024-01-01T24:00:00Z                | false
            05-12-2016T21:29:29Z                | false
            """)
    void acceptsRfc3339TimestampsAsAwsDoes(String text, boolean timestamp) {
      String input = Json.write(Map.of("v", text));
      assertThat(matches("{\"Variable\": \"$.v\", \"IsTimestamp\": true}", input))
          .isEqualTo(timestamp);
    }

    @Test
    void comparesTimestampsAsInstantsAcrossOffsetsAndPrecisions() {
      String input = "{\"v\": \"2024-01-01T01:00:00+01:00\"}";
      assertThat(
              matches(
                  "{\"Variable\": \"$.v\", \"TimestampEquals\": \"2024-01-01T00:00:00Z\"}", input))
          .isTrue();
      assertThat(
              matches(
                  "{\"Variable\": \"$.v\", \"TimestampEquals\": \"2024-01-01T00:00:00.000000Z\"}",
                  input))
          .isTrue();
      assertThat(
              matches(
                  "{\"Variable\": \"$.v\", \"TimestampLessThan\":"
                      + " \"2024-01-01T00:00:00.000000001Z\"}",
                  input))
          .isTrue();
      assertThat(
              matches(
                  "{\"Variable\": \"$.v\", \"TimestampGreaterThan\": \"2023-12-31T23:59:59.999Z\"}",
                  input))
          .isTrue();
    }

    @Test
    void comparesANonTimestampStringAsFalseWhateverTheOperator() {
      String input = "{\"v\": \"2024-01-01 00:00:00\"}";
      for (String operator :
          List.of(
              "TimestampEquals",
              "TimestampLessThan",
              "TimestampGreaterThan",
              "TimestampLessThanEquals",
              "TimestampGreaterThanEquals")) {
        String rule = "{\"Variable\": \"$.v\", \"" + operator + "\": \"2024-01-01T00:00:00Z\"}";
        assertThat(matches(rule, input)).as(operator).isFalse();
        assertThat(matches("{\"Not\": " + rule + "}", input)).as("Not " + operator).isTrue();
      }
    }

    @Test
    void stringMatchesTreatsEscapedStarsAndBackslashesLiterally() {
      // The JSON text "a\\*b" is the pattern a\*b: a literal star between a and b.
      String literalStar = "{\"Variable\": \"$.v\", \"StringMatches\": \"a\\\\*b\"}";
      assertThat(matches(literalStar, "{\"v\": \"a*b\"}")).isTrue();
      assertThat(matches(literalStar, "{\"v\": \"axb\"}")).isFalse();

      // The pattern a\\* is a literal backslash, then a wildcard.
      String backslashThenWildcard = "{\"Variable\": \"$.v\", \"StringMatches\": \"a\\\\\\\\*\"}";
      assertThat(matches(backslashThenWildcard, "{\"v\": \"a\\\\tail\"}")).isTrue();
      assertThat(matches(backslashThenWildcard, "{\"v\": \"a\\\\\"}")).isTrue();
      assertThat(matches(backslashThenWildcard, "{\"v\": \"atail\"}")).isFalse();

      // A backslash before any other character is just a backslash.
      String loneBackslash = "{\"Variable\": \"$.v\", \"StringMatches\": \"a\\\\b*\"}";
      assertThat(matches(loneBackslash, "{\"v\": \"a\\\\bc\"}")).isTrue();
      assertThat(matches(loneBackslash, "{\"v\": \"abc\"}")).isFalse();
    }

    @Test
    void stringMatchesWithoutWildcardIsEquality() {
      String rule = "{\"Variable\": \"$.v\", \"StringMatches\": \"exact\"}";
      assertThat(matches(rule, "{\"v\": \"exact\"}")).isTrue();
      assertThat(matches(rule, "{\"v\": \"exact \"}")).isFalse();
    }
  }

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

  @Nested
  class RuntimeErrors {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "{\"Variable\": \"$.x\", \"StringEquals\": \"a\"}",
          "{\"Variable\": \"$.x\", \"NumericEquals\": 1}",
          "{\"Variable\": \"$.x\", \"IsNull\": true}",
          "{\"Variable\": \"$.x\", \"IsString\": false}",
          "{\"Variable\": \"$.x\", \"StringEqualsPath\": \"$.other\"}",
          "{\"Not\": {\"Variable\": \"$.x\", \"BooleanEquals\": true}}"
        })
    void aMissingVariableFailsWithStatesRuntime(String rule) {
      assertThatThrownBy(() -> matches(rule, "{\"other\": \"a\"}"))
          .isInstanceOfSatisfying(
              StatesError.class,
              e -> {
                assertThat(e.error()).isEqualTo(ErrorNames.RUNTIME);
                assertThat(e.cause())
                    .isEqualTo(
                        "Invalid path '$.x': The choice state's condition path references an"
                            + " invalid value.");
              });
    }

    @Test
    void aMissingComparisonPathFailsWithStatesRuntime() {
      String rule = "{\"Variable\": \"$.a\", \"NumericLessThanPath\": \"$.limits.max\"}";
      assertThatThrownBy(() -> matches(rule, "{\"a\": 1, \"limits\": {}}"))
          .isInstanceOfSatisfying(
              StatesError.class,
              e -> {
                assertThat(e.error()).isEqualTo(ErrorNames.RUNTIME);
                assertThat(e.cause())
                    .isEqualTo(
                        "Invalid path '$.limits.max': The choice state's condition path"
                            + " references an invalid value.");
              });
    }

    @Test
    void aMissingContextPathFailsWithStatesRuntime() {
      String rule = "{\"Variable\": \"$$.Execution.Input.nope\", \"IsNull\": false}";
      var bindings = new Bindings(Map.of(), Map.of("Execution", Map.of("Input", Map.of())));
      assertThatThrownBy(() -> rule(rule).matches(bindings))
          .isInstanceOf(StatesError.class)
          .hasMessageContaining("Invalid path '$$.Execution.Input.nope'");
    }

    @Test
    void isPresentDoesNotFailOnAMissingPath() {
      assertThat(matches("{\"Variable\": \"$.x.y\", \"IsPresent\": false}", "{\"x\": \"str\"}"))
          .isTrue();
    }
  }

  @Nested
  class Validation {
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
              d ->
                  assertDiagnostic(d, "SCHEMA_VALIDATION_FAILED", RULE + "/" + operator, expected));
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
              d ->
                  assertDiagnostic(
                      d, "INVALID_JSON_PATH", RULE + "/TimestampEqualsPath", "$.a['b"));
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
          .satisfies(
              d -> assertDiagnostic(d, "SCHEMA_VALIDATION_FAILED", RULE + "/Variable", "Not"));
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
              nestedDiagnostics(
                  "{\"" + operator + "\": {\"Variable\": \"$.v\", \"IsNull\": true}}"))
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
          .satisfies(
              d -> assertDiagnostic(d, "SCHEMA_VALIDATION_FAILED", RULE + "/Or/1", "object"));
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

    private static void assertDiagnostic(
        Diagnostic diagnostic, String code, String location, String messagePart) {
      assertThat(diagnostic.code()).isEqualTo(code);
      assertThat(diagnostic.location()).isEqualTo(location);
      assertThat(diagnostic.message()).contains(messagePart);
    }
  }
}
