package dev.stepwise.asl.parse;

import static dev.stepwise.asl.parse.AslParserSupport.DUPLICATE;
import static dev.stepwise.asl.parse.AslParserSupport.SCHEMA;
import static dev.stepwise.asl.parse.AslParserSupport.single;
import static dev.stepwise.asl.parse.ValidationSupport.INVALID_JSON;
import static dev.stepwise.asl.parse.ValidationSupport.STATE_NAME;
import static dev.stepwise.asl.parse.ValidationSupport.diagnostics;
import static dev.stepwise.asl.parse.ValidationSupport.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.stepwise.support.Resources;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every diagnostic {@code POST /v1/definitions/validate} can answer with, each with its code and
 * the exact JSON pointer of what it is about; codes are AWS's {@code
 * ValidateStateMachineDefinition} codes where AWS has one. Here: definitions that are valid, and
 * the structure of a definition. Definitions are written with single quotes for readability.
 */
class ValidationStructureTests {
  @Nested
  class ValidDefinitions {
    @ParameterizedTest
    @ValueSource(strings = {"/seed/sequential.json", "/seed/parallel.json", "/seed/retry.json"})
    void acceptsTheSeedWorkflows(String resource) {
      assertThat(AslParser.parse(Resources.text(resource)).diagnostics()).isEmpty();
    }

    @Test
    void acceptsARealisticDefinitionUsingEveryFeature() {
      var result = AslParser.parse(Resources.text("/validation/order-fulfilment.json"));
      assertThat(result.diagnostics()).isEmpty();
      assertThat(result.stateMachine().states()).hasSize(10);
    }

    @Test
    void acceptsAStateWithNeitherNextNorEndAsAnEnd() {
      // Stepwise's deliberate difference from AWS (see the README): such a state ends its scope,
      // so it is a terminal state for the graph checks too.
      valid(
          "{'StartAt': 'A', 'States': {'A': {'Type': 'Pass', 'Next': 'B'}, 'B': {'Type': 'Pass'}}}");
    }

    @Test
    void acceptsALoopWithAnExit() {
      valid(
          """
          {'StartAt': 'Poll', 'States': {
            'Poll': {'Type': 'Task', 'Resource': 'r', 'Next': 'Ready?'},
            'Ready?': {'Type': 'Choice', 'Choices': [{'Variable': '$.ready', 'BooleanEquals': true, 'Next': 'Done'}],
                       'Default': 'Pause'},
            'Pause': {'Type': 'Wait', 'Seconds': 5, 'Next': 'Poll'},
            'Done': {'Type': 'Succeed'}}}
          """);
    }

    @Test
    void countsACatcherAsAWayOut() {
      valid(
          """
          {'StartAt': 'Work', 'States': {
            'Work': {'Type': 'Task', 'Resource': 'r', 'Next': 'Again',
                     'Catch': [{'ErrorEquals': ['States.ALL'], 'Next': 'Failed'}]},
            'Again': {'Type': 'Pass', 'Next': 'Work'},
            'Failed': {'Type': 'Fail'}}}
          """);
    }

    @Test
    void acceptsResultWithParametersOnAPass() {
      // AWS accepts both on a Pass state (Parameters shapes the input, Result replaces the result).
      valid(
          single("P", "{'Type': 'Pass', 'Parameters': {'a': 1}, 'Result': {'b': 2}, 'End': true}"));
    }
  }

  @Nested
  class Structure {
    @Test
    void reportsTextThatIsNotJson() {
      assertThat(AslParser.parse("{'StartAt'").diagnostics())
          .extracting(d -> tuple(d.code(), d.location()))
          .containsExactly(tuple(INVALID_JSON, ""));
    }

    @Test
    void reportsAVersionOtherThan1_0() {
      diagnostics("{'Version': '2.0', 'StartAt': 'A', 'States': {'A': {'Type': 'Succeed'}}}")
          .containsExactly(tuple(SCHEMA, "/Version"));
    }

    @Test
    void reportsAnUnknownTopLevelField() {
      diagnostics("{'Timeout': 5, 'StartAt': 'A', 'States': {'A': {'Type': 'Succeed'}}}")
          .containsExactly(tuple(SCHEMA, "/Timeout"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "100000000", "1.5", "'60'"})
    void reportsATopLevelTimeoutOutOfRange(String timeout) {
      diagnostics(
              "{'TimeoutSeconds': "
                  + timeout
                  + ", 'StartAt': 'A', 'States': {'A': {'Type': 'Succeed'}}}")
          .containsExactly(tuple(SCHEMA, "/TimeoutSeconds"));
    }

    @Test
    void reportsACommentThatIsNotAString() {
      diagnostics(
              "{'Comment': 1, 'StartAt': 'A', 'States': {'A': {'Type': 'Succeed', 'Comment': {}}}}")
          .containsExactly(tuple(SCHEMA, "/Comment"), tuple(SCHEMA, "/States/A/Comment"));
    }

    @Test
    void reportsAStateNameOver80Characters() {
      String name = "n".repeat(81);
      diagnostics(single(name, "{'Type': 'Succeed'}"))
          .containsExactly(tuple(STATE_NAME, "/States/" + name));
      valid(single("n".repeat(80), "{'Type': 'Succeed'}"));
    }

    @Test
    void reportsADuplicateStateName() {
      diagnostics(
              """
              {'StartAt': 'P', 'States': {'P': {'Type': 'Parallel', 'Next': 'A', 'Branches': [
                {'StartAt': 'A', 'States': {'A': {'Type': 'Succeed'}}}]},
               'A': {'Type': 'Succeed'}}}
              """)
          .containsExactly(tuple(DUPLICATE, "/States/A"));
    }

    @Test
    void reportsAnUnknownStateType() {
      diagnostics(single("A", "{'Type': 'Sleep', 'End': true}"))
          .containsExactly(tuple(SCHEMA, "/States/A/Type"));
    }

    @Test
    void reportsAnUnknownQueryLanguage() {
      diagnostics(
              "{'QueryLanguage': 'XPath', 'StartAt': 'A', 'States': {'A': {'Type': 'Succeed'}}}")
          .containsExactly(tuple(SCHEMA, "/QueryLanguage"));
    }
  }
}
