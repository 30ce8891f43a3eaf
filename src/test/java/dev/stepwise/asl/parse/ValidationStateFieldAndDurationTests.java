package dev.stepwise.asl.parse;

import static dev.stepwise.asl.parse.AslParserSupport.SCHEMA;
import static dev.stepwise.asl.parse.AslParserSupport.UNSUPPORTED;
import static dev.stepwise.asl.parse.AslParserSupport.single;
import static dev.stepwise.asl.parse.ValidationSupport.diagnostics;
import static dev.stepwise.asl.parse.ValidationSupport.task;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Validation of the fields each state type takes, and of durations (Wait seconds and timestamps,
 * Task timeouts and heartbeats).
 */
class ValidationStateFieldAndDurationTests {
  /** {@code state} named X, and a Succeed state S when X names it (so every state is reachable). */
  private static String withSucceed(String state) {
    String s = state.contains("'S'") ? ", 'S': {'Type': 'Succeed'}" : "";
    return "{'StartAt': 'X', 'States': {'X': " + state + s + "}}";
  }

  @Nested
  class FieldsOfStateTypes {
    @ParameterizedTest
    @ValueSource(strings = {"Retry", "Catch"})
    void reportsErrorHandlingOnStatesThatCannotFail(String field) {
      String value =
          field.equals("Retry")
              ? "[{'ErrorEquals': ['E']}]"
              : "[{'ErrorEquals': ['E'], 'Next': 'S'}]";
      for (String state :
          new String[] {
            "{'Type': 'Pass', 'Next': 'S'",
            "{'Type': 'Wait', 'Seconds': 1, 'Next': 'S'",
            "{'Type': 'Choice', 'Choices': [{'Variable': '$.a', 'IsNull': true, 'Next': 'S'}]",
            "{'Type': 'Succeed'",
            "{'Type': 'Fail'"
          }) {
        diagnostics(withSucceed(state + ", '" + field + "': " + value + "}"))
            .as(state)
            .contains(tuple(SCHEMA, "/States/X/" + field));
      }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ResultPath", "Parameters", "ResultSelector"})
    void reportsDataFieldsOnChoiceWaitSucceedAndFail(String field) {
      String value = field.equals("ResultPath") ? "'$.r'" : "{'a': 1}";
      for (String state :
          new String[] {
            "{'Type': 'Wait', 'Seconds': 1, 'End': true",
            "{'Type': 'Choice', 'Choices': [{'Variable': '$.a', 'IsNull': true, 'Next': 'S'}], 'Default': 'S'",
            "{'Type': 'Succeed'",
            "{'Type': 'Fail'"
          }) {
        diagnostics(withSucceed(state + ", '" + field + "': " + value + "}"))
            .as(state)
            .containsExactly(tuple(SCHEMA, "/States/X/" + field));
      }
    }

    @Test
    void reportsDefaultOnAStateOtherThanChoice() {
      diagnostics(single("A", "{'Type': 'Pass', 'End': true, 'Default': 'A'}"))
          .containsExactly(tuple(SCHEMA, "/States/A/Default"));
    }

    @Test
    void reportsEndOnChoiceSucceedAndFail() {
      diagnostics(
              single(
                  "C",
                  "{'Type': 'Choice', 'Choices': [{'Variable': '$.a', 'IsNull': true, 'Next': 'C'}], 'End': true}"))
          .contains(tuple(SCHEMA, "/States/C/End"));
      diagnostics(single("S", "{'Type': 'Succeed', 'End': true}"))
          .containsExactly(tuple(SCHEMA, "/States/S/End"));
      diagnostics(single("F", "{'Type': 'Fail', 'End': true}"))
          .containsExactly(tuple(SCHEMA, "/States/F/End"));
    }

    @Test
    void reportsNextAndEndTogether() {
      diagnostics(
              "{'StartAt': 'A', 'States': {'A': {'Type': 'Pass', 'Next': 'B', 'End': true}, 'B': {'Type': 'Succeed'}}}")
          .containsExactly(tuple(SCHEMA, "/States/A/End"));
    }

    @Test
    void reportsEmptyChoices() {
      diagnostics(
              "{'StartAt': 'C', 'States': {'C': {'Type': 'Choice', 'Choices': [], 'Default': 'S'}, 'S': {'Type': 'Succeed'}}}")
          .containsExactly(tuple(SCHEMA, "/States/C/Choices"));
    }

    @Test
    void reportsAnInvalidChoiceRule() {
      diagnostics(
              "{'StartAt': 'C', 'States': {'C': {'Type': 'Choice', 'Choices': [{'Variable': '$.a', 'StringEquals': 1, 'Next': 'S'}]}, 'S': {'Type': 'Succeed'}}}")
          .containsExactly(tuple(SCHEMA, "/States/C/Choices/0/StringEquals"));
    }

    @Test
    void reportsEmptyBranches() {
      diagnostics(single("P", "{'Type': 'Parallel', 'Branches': [], 'End': true}"))
          .containsExactly(tuple(SCHEMA, "/States/P/Branches"));
    }

    @Test
    void reportsAResourceThatIsNotAString() {
      diagnostics(single("T", "{'Type': 'Task', 'Resource': 42, 'End': true}"))
          .containsExactly(tuple(SCHEMA, "/States/T/Resource"));
    }

    @Test
    void reportsADistributedMapWithoutExecutionType() {
      diagnostics(
              single(
                  "M",
                  "{'Type': 'Map', 'End': true, 'ItemProcessor': {'ProcessorConfig': {'Mode': 'DISTRIBUTED'},"
                      + " 'StartAt': 'I', 'States': {'I': {'Type': 'Succeed'}}}}"))
          .containsExactly(tuple(SCHEMA, "/States/M/ItemProcessor/ProcessorConfig/ExecutionType"));
    }

    @Test
    void reportsAnS3ItemReader() {
      diagnostics(
              single(
                  "M",
                  "{'Type': 'Map', 'End': true, 'ItemReader': {'Resource': 'arn:aws:states:::s3:getObject',"
                      + " 'Parameters': {'Bucket': 'b', 'Key': 'k'}}, 'ItemProcessor': {'ProcessorConfig':"
                      + " {'Mode': 'DISTRIBUTED', 'ExecutionType': 'STANDARD'}, 'StartAt': 'I',"
                      + " 'States': {'I': {'Type': 'Succeed'}}}}"))
          .extracting(t -> t.toList().get(0))
          .contains(UNSUPPORTED);
    }
  }

  @Nested
  class Durations {
    @Test
    void reportsSecondsWithSecondsPath() {
      diagnostics(single("W", "{'Type': 'Wait', 'Seconds': 1, 'SecondsPath': '$.s', 'End': true}"))
          .containsExactly(tuple(SCHEMA, "/States/W"));
    }

    @Test
    void reportsATimestampThatIsNotRfc3339() {
      diagnostics(single("W", "{'Type': 'Wait', 'Timestamp': '2030-01-01 10:00', 'End': true}"))
          .containsExactly(tuple(SCHEMA, "/States/W/Timestamp"));
    }

    @Test
    void reportsTimeoutSecondsWithTimeoutSecondsPath() {
      task("'TimeoutSeconds': 5, 'TimeoutSecondsPath': '$.t'")
          .containsExactly(tuple(SCHEMA, "/States/T/TimeoutSecondsPath"));
    }

    @Test
    void reportsHeartbeatSecondsWithHeartbeatSecondsPath() {
      task("'HeartbeatSeconds': 5, 'HeartbeatSecondsPath': '$.h'")
          .containsExactly(tuple(SCHEMA, "/States/T/HeartbeatSecondsPath"));
    }

    @Test
    void reportsAZeroTimeout() {
      task("'TimeoutSeconds': 0").containsExactly(tuple(SCHEMA, "/States/T/TimeoutSeconds"));
    }

    @Test
    void reportsAHeartbeatNotBelowTheTimeout() {
      task("'TimeoutSeconds': 10, 'HeartbeatSeconds': 10")
          .containsExactly(tuple(SCHEMA, "/States/T/HeartbeatSeconds"));
    }
  }
}
