package dev.stepwise.asl.parse;

import static dev.stepwise.asl.parse.AslParserSupport.NO_END;
import static dev.stepwise.asl.parse.AslParserSupport.SCHEMA;
import static dev.stepwise.asl.parse.AslParserSupport.TARGET;
import static dev.stepwise.asl.parse.AslParserSupport.diagnostics;
import static dev.stepwise.asl.parse.AslParserSupport.single;
import static dev.stepwise.asl.parse.AslParserSupport.valid;
import static dev.stepwise.asl.parse.AslParserSupport.withState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.stepwise.asl.Diagnostic;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parser's report on the structure of a definition: text that is not JSON, missing or unknown
 * states and fields, fields of another state type.
 */
class AslParserStructureTests {
  @Nested
  class StructureErrors {
    @Test
    void reportsTextThatIsNotJson() {
      var result = AslParser.parse("{\"StartAt\": ");

      assertThat(result.diagnostics())
          .extracting(Diagnostic::code, Diagnostic::location)
          .containsExactly(tuple("INVALID_JSON_DESCRIPTION", ""));
    }

    @Test
    void reportsAMissingStartAt() {
      diagnostics("{'States': {'A': {'Type': 'Succeed'}}}")
          .containsExactly(tuple(SCHEMA, "/StartAt"));
    }

    @Test
    void reportsAStartAtNamingNoState() {
      diagnostics("{'StartAt': 'B', 'States': {'A': {'Type': 'Succeed'}}}")
          .containsExactly(tuple(TARGET, "/StartAt"));
    }

    @Test
    void reportsMissingOrEmptyStates() {
      diagnostics("{'StartAt': 'A'}").containsExactly(tuple(SCHEMA, "/States"));
      diagnostics("{'StartAt': 'A', 'States': {}}")
          .containsExactly(tuple(SCHEMA, "/States"), tuple(TARGET, "/StartAt"));
    }

    @Test
    void reportsAnUnknownStateType() {
      diagnostics(single("A", "{'Type': 'Sleep', 'End': true}"))
          .containsExactly(tuple(SCHEMA, "/States/A/Type"));
    }

    @Test
    void reportsAStateWithoutType() {
      diagnostics(single("A", "{'End': true}")).containsExactly(tuple(SCHEMA, "/States/A/Type"));
    }

    @Test
    void reportsAnUnknownTopLevelField() {
      diagnostics("{'StartAt': 'A', 'Bogus': 1, 'States': {'A': {'Type': 'Succeed'}}}")
          .containsExactly(tuple(SCHEMA, "/Bogus"));
    }

    @Test
    void refusesJsonPathFieldsInJsonataStates() {
      diagnostics(
              "{'QueryLanguage': 'JSONata', 'StartAt': 'A', 'States': {'A': {'Type': 'Pass',"
                  + " 'InputPath': '$.x', 'End': true}}}")
          .containsExactly(tuple(SCHEMA, "/States/A/InputPath"));
    }

    @Test
    void escapesStateNamesInPointers() {
      diagnostics("{'StartAt': 'a/b~c', 'States': {'a/b~c': {'Type': 'Pass', 'Next': 'nowhere'}}}")
          .containsExactly(tuple(TARGET, "/States/a~1b~0c/Next"), tuple(NO_END, ""));
    }
  }

  static Stream<Arguments> minimalStates() {
    return Stream.of(
        Arguments.of("Pass", "{'Type': 'Pass', 'End': true"),
        Arguments.of("Task", "{'Type': 'Task', 'Resource': 'r', 'End': true"),
        Arguments.of(
            "Choice",
            "{'Type': 'Choice', 'Choices': [{'Variable': '$.a', 'IsPresent': true, 'Next': 'Y'}], 'Default': 'Y'"),
        Arguments.of("Wait", "{'Type': 'Wait', 'Seconds': 1, 'End': true"),
        Arguments.of("Succeed", "{'Type': 'Succeed'"),
        Arguments.of("Fail", "{'Type': 'Fail'"),
        Arguments.of(
            "Parallel",
            "{'Type': 'Parallel', 'End': true, 'Branches': [{'StartAt': 'B', 'States': {'B': {'Type': 'Succeed'}}}]"),
        Arguments.of(
            "Map",
            "{'Type': 'Map', 'End': true, 'ItemProcessor': {'StartAt': 'I', 'States': {'I': {'Type': 'Succeed'}}}"));
  }

  @Nested
  class UnknownFields {
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.stepwise.asl.parse.AslParserStructureTests#minimalStates")
    void acceptsTheMinimalState(String type, String state) {
      valid(withState(state + "}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.stepwise.asl.parse.AslParserStructureTests#minimalStates")
    void reportsAnUnknownField(String type, String state) {
      diagnostics(withState(state + ", 'Bogus': 1}"))
          .containsExactly(tuple(SCHEMA, "/States/X/Bogus"));
    }

    @Test
    void reportsFieldsOfOtherStateTypes() {
      diagnostics(withState("{'Type': 'Pass', 'Resource': 'r', 'End': true}"))
          .containsExactly(tuple(SCHEMA, "/States/X/Resource"));
      diagnostics(withState("{'Type': 'Pass', 'Retry': [], 'End': true}"))
          .containsExactly(tuple(SCHEMA, "/States/X/Retry"));
      diagnostics(withState("{'Type': 'Succeed', 'Next': 'Y'}"))
          .containsExactly(tuple(SCHEMA, "/States/X/Next"));
      diagnostics(withState("{'Type': 'Fail', 'End': true}"))
          .containsExactly(tuple(SCHEMA, "/States/X/End"));
      diagnostics(
              withState(
                  "{'Type': 'Choice', 'Choices': [{'Variable': '$.a', 'IsNull': true, 'Next': 'Y'}], 'End': true}"))
          .containsExactly(tuple(SCHEMA, "/States/X/End"));
      diagnostics(withState("{'Type': 'Wait', 'Seconds': 1, 'Parameters': {}, 'End': true}"))
          .containsExactly(tuple(SCHEMA, "/States/X/Parameters"));
    }

    @Test
    void reportsUnknownFieldsInsideBranchesRetriersAndCatchers() {
      diagnostics(
              withState(
                  "{'Type': 'Parallel', 'End': true, 'Branches': [{'StartAt': 'B', 'Extra': 1, 'States': {'B': {'Type': 'Succeed'}}}]}"))
          .containsExactly(tuple(SCHEMA, "/States/X/Branches/0/Extra"));
      diagnostics(
              withState(
                  "{'Type': 'Task', 'Resource': 'r', 'End': true, 'Retry': [{'ErrorEquals': ['E'], 'Extra': 1}]}"))
          .containsExactly(tuple(SCHEMA, "/States/X/Retry/0/Extra"));
      diagnostics(
              withState(
                  "{'Type': 'Task', 'Resource': 'r', 'End': true, 'Catch': [{'ErrorEquals': ['E'], 'Next': 'Y', 'Extra': 1}]}"))
          .containsExactly(tuple(SCHEMA, "/States/X/Catch/0/Extra"));
    }
  }
}
