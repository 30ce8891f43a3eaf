package dev.stepwise.asl.parse;

import static dev.stepwise.asl.parse.AslParserSupport.PATH;
import static dev.stepwise.asl.parse.AslParserSupport.SCHEMA;
import static dev.stepwise.asl.parse.AslParserSupport.single;
import static dev.stepwise.asl.parse.ValidationSupport.INTRINSIC;
import static dev.stepwise.asl.parse.ValidationSupport.JSONATA;
import static dev.stepwise.asl.parse.ValidationSupport.diagnostics;
import static dev.stepwise.asl.parse.ValidationSupport.task;
import static org.assertj.core.api.Assertions.tuple;

import org.assertj.core.api.ListAssert;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Validation of retriers, and of the expressions in a definition: paths, intrinsic functions and
 * JSONata.
 */
class ValidationRetrierAndExpressionTests {
  /** A single Task state T with one retrier made of {@code fields}. */
  private static ListAssert<Tuple> retrier(String fields) {
    return task("'Retry': [{" + fields + "}]");
  }

  @Nested
  class Retriers {
    @Test
    void reportsANegativeMaxAttempts() {
      retrier("'ErrorEquals': ['E'], 'MaxAttempts': -1")
          .containsExactly(tuple(SCHEMA, "/States/T/Retry/0/MaxAttempts"));
    }

    @Test
    void reportsABackoffRateBelowOne() {
      retrier("'ErrorEquals': ['E'], 'BackoffRate': 0.5")
          .containsExactly(tuple(SCHEMA, "/States/T/Retry/0/BackoffRate"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "1.5", "'2'"})
    void reportsAnIntervalThatIsNotAPositiveInteger(String interval) {
      retrier("'ErrorEquals': ['E'], 'IntervalSeconds': " + interval)
          .containsExactly(tuple(SCHEMA, "/States/T/Retry/0/IntervalSeconds"));
    }

    @Test
    void reportsAMaxDelayOutOfRange() {
      retrier("'ErrorEquals': ['E'], 'MaxDelaySeconds': 0")
          .containsExactly(tuple(SCHEMA, "/States/T/Retry/0/MaxDelaySeconds"));
    }

    @Test
    void reportsAnInvalidJitterStrategy() {
      retrier("'ErrorEquals': ['E'], 'JitterStrategy': 'HALF'")
          .containsExactly(tuple(SCHEMA, "/States/T/Retry/0/JitterStrategy"));
    }

    @Test
    void reportsAnEmptyErrorEquals() {
      retrier("'ErrorEquals': []").containsExactly(tuple(SCHEMA, "/States/T/Retry/0/ErrorEquals"));
    }

    @Test
    void reportsStatesAllWithOtherErrorNames() {
      retrier("'ErrorEquals': ['States.ALL', 'E']")
          .containsExactly(tuple(SCHEMA, "/States/T/Retry/0/ErrorEquals"));
    }

    @Test
    void reportsStatesAllBeforeTheLastRetrierOrCatcher() {
      task("'Retry': [{'ErrorEquals': ['States.ALL']}, {'ErrorEquals': ['E']}]")
          .containsExactly(tuple(SCHEMA, "/States/T/Retry/0/ErrorEquals"));
      diagnostics(
              """
              {'StartAt': 'T', 'States': {
                'T': {'Type': 'Task', 'Resource': 'r', 'End': true, 'Catch': [
                  {'ErrorEquals': ['States.ALL'], 'Next': 'F'}, {'ErrorEquals': ['E'], 'Next': 'F'}]},
                'F': {'Type': 'Fail'}}}
              """)
          .containsExactly(tuple(SCHEMA, "/States/T/Catch/0/ErrorEquals"));
    }
  }

  /** A single JSONata Pass state P with {@code fields} added. */
  private static ListAssert<Tuple> jsonataPass(String fields) {
    return diagnostics(
        "{'QueryLanguage': 'JSONata', 'StartAt': 'P', 'States': {'P': {'Type': 'Pass', 'End': true, "
            + fields
            + "}}}");
  }

  @Nested
  class Expressions {
    @Test
    void reportsAnInvalidPath() {
      diagnostics(single("A", "{'Type': 'Pass', 'InputPath': 'items', 'End': true}"))
          .containsExactly(tuple(PATH, "/States/A/InputPath"));
    }

    @Test
    void reportsAResultPathThatIsNotAReferencePath() {
      diagnostics(single("A", "{'Type': 'Pass', 'ResultPath': '$.items[*]', 'End': true}"))
          .containsExactly(tuple(PATH, "/States/A/ResultPath"));
    }

    @Test
    void reportsAnInvalidPathInAPayloadTemplate() {
      diagnostics(single("A", "{'Type': 'Pass', 'Parameters': {'x.$': 'a.b'}, 'End': true}"))
          .containsExactly(tuple(PATH, "/States/A/Parameters/x.$"));
    }

    @Test
    void reportsInvalidIntrinsicSyntax() {
      diagnostics(
              single(
                  "A",
                  "{'Type': 'Pass', 'Parameters': {'x.$': 'States.Format(\\'{}\\', $.a'}, 'End': true}"))
          .containsExactly(tuple(INTRINSIC, "/States/A/Parameters/x.$"));
    }

    @Test
    void reportsInvalidJsonata() {
      jsonataPass("'Output': {'total': '{% $sum( %}'}")
          .containsExactly(tuple(JSONATA, "/States/P/Output/total"));
    }

    @Test
    void reportsAnInvalidVariableName() {
      diagnostics(single("A", "{'Type': 'Pass', 'Assign': {'1st': 1}, 'End': true}"))
          .containsExactly(tuple(SCHEMA, "/States/A/Assign/1st"));
    }

    @Test
    void reportsAnAssignValueWithAnInvalidPath() {
      diagnostics(single("A", "{'Type': 'Pass', 'Assign': {'x.$': '$.a[?'}, 'End': true}"))
          .containsExactly(tuple(PATH, "/States/A/Assign/x.$"));
    }

    @Test
    void reportsAnAssignValueWithInvalidJsonata() {
      jsonataPass("'Assign': {'x': '{% $states.input. %}'}")
          .containsExactly(tuple(JSONATA, "/States/P/Assign/x"));
    }

    @Test
    void reportsAJsonPathFieldInAJsonataState() {
      jsonataPass("'ResultPath': '$.r'").containsExactly(tuple(SCHEMA, "/States/P/ResultPath"));
    }
  }
}
