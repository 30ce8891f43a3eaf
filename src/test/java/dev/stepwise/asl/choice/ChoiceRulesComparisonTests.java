package dev.stepwise.asl.choice;

import static dev.stepwise.asl.choice.ChoiceRulesSupport.matches;
import static dev.stepwise.asl.choice.ChoiceRulesSupport.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each comparison operator of a Choice rule on values of each type. */
class ChoiceRulesComparisonTests {
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
