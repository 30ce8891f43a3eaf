package dev.stepwise.asl.parse;

import static dev.stepwise.asl.parse.AslParserSupport.SCHEMA;
import static dev.stepwise.asl.parse.AslParserSupport.diagnostics;
import static dev.stepwise.asl.parse.AslParserSupport.single;
import static org.assertj.core.api.Assertions.tuple;

import org.assertj.core.api.ListAssert;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * The parser's report on Retry and Catch: their shape, ErrorEquals, value ranges and States.ALL.
 */
class AslParserErrorHandlingTests {
  private static ListAssert<Tuple> task(String errorFields) {
    return diagnostics(
        single("T", "{'Type': 'Task', 'Resource': 'r', 'End': true, " + errorFields + "}"));
  }

  @Test
  void reportsRetryAndCatchThatAreNotArrays() {
    task("'Retry': {}").containsExactly(tuple(SCHEMA, "/States/T/Retry"));
    task("'Catch': 'T'").containsExactly(tuple(SCHEMA, "/States/T/Catch"));
  }

  @Test
  void reportsARetrierThatIsNotAnObject() {
    task("'Retry': [1]").containsExactly(tuple(SCHEMA, "/States/T/Retry/0"));
    task("'Catch': ['T']").containsExactly(tuple(SCHEMA, "/States/T/Catch/0"));
  }

  @Test
  void reportsMissingEmptyOrNonStringErrorEquals() {
    task("'Retry': [{'MaxAttempts': 1}]")
        .containsExactly(tuple(SCHEMA, "/States/T/Retry/0/ErrorEquals"));
    task("'Retry': [{'ErrorEquals': []}]")
        .containsExactly(tuple(SCHEMA, "/States/T/Retry/0/ErrorEquals"));
    task("'Catch': [{'ErrorEquals': [1], 'Next': 'T'}]")
        .containsExactly(tuple(SCHEMA, "/States/T/Catch/0/ErrorEquals"));
  }

  @Test
  void reportsRetrierFieldsOutOfRange() {
    task("'Retry': [{'ErrorEquals': ['E'], 'MaxAttempts': -1}]")
        .containsExactly(tuple(SCHEMA, "/States/T/Retry/0/MaxAttempts"));
    task("'Retry': [{'ErrorEquals': ['E'], 'BackoffRate': 0.5}]")
        .containsExactly(tuple(SCHEMA, "/States/T/Retry/0/BackoffRate"));
    task("'Retry': [{'ErrorEquals': ['E'], 'IntervalSeconds': 0}]")
        .containsExactly(tuple(SCHEMA, "/States/T/Retry/0/IntervalSeconds"));
    task("'Retry': [{'ErrorEquals': ['E'], 'MaxDelaySeconds': 0}]")
        .containsExactly(tuple(SCHEMA, "/States/T/Retry/0/MaxDelaySeconds"));
    task("'Retry': [{'ErrorEquals': ['E'], 'JitterStrategy': 'PARTIAL'}]")
        .containsExactly(tuple(SCHEMA, "/States/T/Retry/0/JitterStrategy"));
    task("'Retry': [{'ErrorEquals': ['E'], 'MaxAttempts': 'many'}]")
        .containsExactly(tuple(SCHEMA, "/States/T/Retry/0/MaxAttempts"));
  }

  @Test
  void reportsStatesAllThatIsNotLast() {
    task("'Retry': [{'ErrorEquals': ['States.ALL']}, {'ErrorEquals': ['E']}]")
        .containsExactly(tuple(SCHEMA, "/States/T/Retry/0/ErrorEquals"));
    task("'Catch': [{'ErrorEquals': ['States.ALL'], 'Next': 'T'}, {'ErrorEquals': ['E'], 'Next': 'T'}]")
        .containsExactly(tuple(SCHEMA, "/States/T/Catch/0/ErrorEquals"));
  }

  @Test
  void reportsStatesAllWithOtherNames() {
    task("'Retry': [{'ErrorEquals': ['E', 'States.ALL']}]")
        .containsExactly(tuple(SCHEMA, "/States/T/Retry/0/ErrorEquals"));
  }

  @Test
  void reportsEveryBadEntryAtItsOwnIndex() {
    task("'Retry': [{'ErrorEquals': ['E']}, {'ErrorEquals': []}, {'ErrorEquals': ['F'], 'MaxAttempts': -2}]")
        .containsExactly(
            tuple(SCHEMA, "/States/T/Retry/1/ErrorEquals"),
            tuple(SCHEMA, "/States/T/Retry/2/MaxAttempts"));
  }

  @Test
  void reportsAHeartbeatNotBelowTheTimeout() {
    task("'TimeoutSeconds': 5, 'HeartbeatSeconds': 5")
        .containsExactly(tuple(SCHEMA, "/States/T/HeartbeatSeconds"));
  }
}
