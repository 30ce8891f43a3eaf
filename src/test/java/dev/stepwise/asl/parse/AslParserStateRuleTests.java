package dev.stepwise.asl.parse;

import static dev.stepwise.asl.parse.AslParserSupport.NO_END;
import static dev.stepwise.asl.parse.AslParserSupport.SCHEMA;
import static dev.stepwise.asl.parse.AslParserSupport.UNSUPPORTED;
import static dev.stepwise.asl.parse.AslParserSupport.diagnostics;
import static dev.stepwise.asl.parse.AslParserSupport.single;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The parser's report on the rules of each state type: Wait durations, Fail error and cause,
 * Choice, Parallel, Task and Map fields.
 */
class AslParserStateRuleTests {
  @Test
  void reportsAWaitWithNoDuration() {
    diagnostics(single("W", "{'Type': 'Wait', 'End': true}"))
        .containsExactly(tuple(SCHEMA, "/States/W"));
  }

  @Test
  void reportsAWaitWithTwoDurations() {
    diagnostics(single("W", "{'Type': 'Wait', 'Seconds': 1, 'SecondsPath': '$.s', 'End': true}"))
        .containsExactly(tuple(SCHEMA, "/States/W"));
    diagnostics(
            single(
                "W",
                "{'Type': 'Wait', 'Timestamp': '2030-01-01T00:00:00Z', 'TimestampPath': '$.t', 'End': true}"))
        .containsExactly(tuple(SCHEMA, "/States/W"));
  }

  @Test
  void reportsAWaitWithBadSecondsOrTimestamp() {
    diagnostics(single("W", "{'Type': 'Wait', 'Seconds': -1, 'End': true}"))
        .contains(tuple(SCHEMA, "/States/W/Seconds"));
    diagnostics(single("W", "{'Type': 'Wait', 'Timestamp': 'tomorrow', 'End': true}"))
        .containsExactly(tuple(SCHEMA, "/States/W/Timestamp"));
  }

  @Test
  void reportsAFailWithErrorAndErrorPath() {
    diagnostics(single("F", "{'Type': 'Fail', 'Error': 'E', 'ErrorPath': '$.e'}"))
        .containsExactly(tuple(SCHEMA, "/States/F/ErrorPath"));
  }

  @Test
  void reportsAFailWithCauseAndCausePath() {
    diagnostics(single("F", "{'Type': 'Fail', 'Cause': 'C', 'CausePath': '$.c'}"))
        .containsExactly(tuple(SCHEMA, "/States/F/CausePath"));
  }

  @Test
  void reportsAChoiceWithoutChoices() {
    diagnostics(single("C", "{'Type': 'Choice', 'Choices': [], 'Default': 'C'}"))
        .containsExactly(tuple(SCHEMA, "/States/C/Choices"), tuple(NO_END, ""));
  }

  @Test
  void reportsAParallelWithoutBranches() {
    diagnostics(single("P", "{'Type': 'Parallel', 'Branches': [], 'End': true}"))
        .containsExactly(tuple(SCHEMA, "/States/P/Branches"));
  }

  @Test
  void reportsATaskWithoutResource() {
    diagnostics(single("T", "{'Type': 'Task', 'End': true}"))
        .containsExactly(tuple(SCHEMA, "/States/T/Resource"));
  }

  @Test
  void reportsAMapWithBothItemProcessorAndIterator() {
    diagnostics(
            single(
                "M",
                "{'Type': 'Map', 'End': true,"
                    + " 'ItemProcessor': {'StartAt': 'I', 'States': {'I': {'Type': 'Succeed'}}},"
                    + " 'Iterator': {'StartAt': 'J', 'States': {'J': {'Type': 'Succeed'}}}}"))
        .containsExactly(tuple(SCHEMA, "/States/M/Iterator"));
  }

  @Test
  void reportsAMapWithNeitherItemProcessorNorIterator() {
    diagnostics(single("M", "{'Type': 'Map', 'End': true}"))
        .containsExactly(tuple(SCHEMA, "/States/M"));
  }

  @Test
  void reportsAMapWithItemSelectorAndParameters() {
    diagnostics(
            single(
                "M",
                "{'Type': 'Map', 'End': true, 'ItemSelector': {}, 'Parameters': {},"
                    + " 'ItemProcessor': {'StartAt': 'I', 'States': {'I': {'Type': 'Succeed'}}}}"))
        .containsExactly(tuple(SCHEMA, "/States/M/Parameters"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"ItemReader", "ItemBatcher", "ResultWriter", "ToleratedFailureCount", "Label"})
  void refusesDistributedMapFieldsInAnInlineMap(String field) {
    diagnostics(
            single(
                "M",
                "{'Type': 'Map', 'End': true, '"
                    + field
                    + "': {},"
                    + " 'ItemProcessor': {'StartAt': 'I', 'States': {'I': {'Type': 'Succeed'}}}}"))
        .containsExactly(tuple(UNSUPPORTED, "/States/M/" + field));
  }
}
