package dev.stepwise.asl.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.stepwise.support.Resources;
import org.assertj.core.api.ListAssert;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every diagnostic {@code POST /v1/definitions/validate} can answer with, each with its code and
 * the exact JSON pointer of what it is about; codes are AWS's {@code
 * ValidateStateMachineDefinition} codes where AWS has one. Definitions are written with single
 * quotes for readability.
 */
class ValidationTests {
  private static final String INVALID_JSON = "INVALID_JSON_DESCRIPTION";
  private static final String SCHEMA = "SCHEMA_VALIDATION_FAILED";
  private static final String PATH = "INVALID_JSON_PATH";
  private static final String TARGET = "MISSING_TRANSITION_TARGET";
  private static final String NO_END = "MISSING_END_STATE";
  private static final String DUPLICATE = "DUPLICATE_STATE_NAME";
  private static final String STATE_NAME = "INVALID_STATE_NAME";
  private static final String INTRINSIC = "INVALID_INTRINSIC_FUNCTION";
  private static final String JSONATA = "INVALID_JSONATA";
  private static final String UNSUPPORTED = "UNSUPPORTED_FEATURE";

  private static AslParser.Result parse(String singleQuoted) {
    return AslParser.parse(singleQuoted.replace('\'', '"'));
  }

  private static void valid(String singleQuoted) {
    assertThat(parse(singleQuoted).diagnostics()).as("diagnostics").isEmpty();
  }

  private static ListAssert<Tuple> diagnostics(String singleQuoted) {
    var result = parse(singleQuoted);
    assertThat(result.valid()).as("valid").isFalse();
    return assertThat(
            result.diagnostics().stream().map(d -> tuple(d.code(), d.location())).toList())
        .as("diagnostics %s", result.diagnostics());
  }

  /** A definition whose only state is {@code state}, named {@code name}. */
  private static String single(String name, String state) {
    return "{'StartAt': '" + name + "', 'States': {'" + name + "': " + state + "}}";
  }

  /** {@code state} named X, and a Succeed state S when X names it (so every state is reachable). */
  private static String withSucceed(String state) {
    String s = state.contains("'S'") ? ", 'S': {'Type': 'Succeed'}" : "";
    return "{'StartAt': 'X', 'States': {'X': " + state + s + "}}";
  }

  /** A single Task state T with {@code fields} added. */
  private static ListAssert<Tuple> task(String fields) {
    return diagnostics(
        single("T", "{'Type': 'Task', 'Resource': 'r', 'End': true, " + fields + "}"));
  }

  /** A single Task state T with one retrier made of {@code fields}. */
  private static ListAssert<Tuple> retrier(String fields) {
    return task("'Retry': [{" + fields + "}]");
  }

  /** A single JSONata Pass state P with {@code fields} added. */
  private static ListAssert<Tuple> jsonataPass(String fields) {
    return diagnostics(
        "{'QueryLanguage': 'JSONata', 'StartAt': 'P', 'States': {'P': {'Type': 'Pass', 'End': true, "
            + fields
            + "}}}");
  }

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

  @Nested
  class Graph {
    @Test
    void reportsAnUnreachableState() {
      diagnostics(
              """
              {'StartAt': 'A', 'States': {
                'A': {'Type': 'Pass', 'Next': 'Done'},
                'Orphan': {'Type': 'Pass', 'Next': 'Done'},
                'Done': {'Type': 'Succeed'}}}
              """)
          .containsExactly(tuple(TARGET, "/States/Orphan"));
    }

    @Test
    void followsDefaultChoicesAndCatchersForReachability() {
      valid(
          """
          {'StartAt': 'C', 'States': {
            'C': {'Type': 'Choice', 'Choices': [{'Variable': '$.a', 'IsNull': true, 'Next': 'T'}], 'Default': 'D'},
            'T': {'Type': 'Task', 'Resource': 'r', 'End': true, 'Catch': [{'ErrorEquals': ['States.ALL'], 'Next': 'F'}]},
            'D': {'Type': 'Succeed'},
            'F': {'Type': 'Fail'}}}
          """);
    }

    @Test
    void reportsAnUnreachableStateInAParallelBranch() {
      diagnostics(
              """
              {'StartAt': 'P', 'States': {'P': {'Type': 'Parallel', 'End': true, 'Branches': [
                {'StartAt': 'B1', 'States': {'B1': {'Type': 'Succeed'}, 'B2': {'Type': 'Succeed'}}}]}}}
              """)
          .containsExactly(tuple(TARGET, "/States/P/Branches/0/States/B2"));
    }

    @Test
    void reportsAnUnreachableStateInAMapItemProcessor() {
      diagnostics(
              """
              {'StartAt': 'M', 'States': {'M': {'Type': 'Map', 'End': true, 'ItemProcessor': {
                'StartAt': 'I1', 'States': {'I1': {'Type': 'Pass', 'End': true}, 'I2': {'Type': 'Pass', 'End': true}}}}}}
              """)
          .containsExactly(tuple(TARGET, "/States/M/ItemProcessor/States/I2"));
    }

    @Test
    void reportsAMachineWithoutATerminalState() {
      // AWS: MISSING_END_STATE without a location, and no reachability diagnostic beside it.
      diagnostics(
              """
              {'StartAt': 'A', 'States': {
                'A': {'Type': 'Pass', 'Next': 'B'},
                'B': {'Type': 'Pass', 'Next': 'A'},
                'Orphan': {'Type': 'Pass', 'Next': 'A'}}}
              """)
          .containsExactly(tuple(NO_END, ""));
    }

    @Test
    void reportsABranchWithoutATerminalState() {
      diagnostics(
              """
              {'StartAt': 'P', 'States': {'P': {'Type': 'Parallel', 'End': true, 'Branches': [
                {'StartAt': 'B', 'States': {'B': {'Type': 'Wait', 'Seconds': 1, 'Next': 'B'}}}]}}}
              """)
          .containsExactly(tuple(NO_END, "/States/P/Branches/0"));
    }

    @Test
    void reportsAnUnreachableEndOfALoopAsUnreachableOnly() {
      // As AWS does: the loop A <-> B with an unreachable terminal C is one diagnostic, about C.
      diagnostics(
              """
              {'StartAt': 'A', 'States': {
                'A': {'Type': 'Pass', 'Next': 'B'},
                'B': {'Type': 'Pass', 'Next': 'A'},
                'C': {'Type': 'Pass', 'End': true}}}
              """)
          .containsExactly(tuple(TARGET, "/States/C"));
    }

    @Test
    void acceptsALoopWithNoWayToAnEndAsAwsDoes() {
      valid(
          """
              {'StartAt': 'C', 'States': {
                'C': {'Type': 'Choice', 'Choices': [{'Variable': '$.spin', 'BooleanEquals': true, 'Next': 'Spin'}],
                      'Default': 'Done'},
                'Spin': {'Type': 'Pass', 'Next': 'Spin again'},
                'Spin again': {'Type': 'Pass', 'Next': 'Spin'},
                'Done': {'Type': 'Succeed'}}}
              """);
    }

    @Test
    void acceptsALoopWithNoWayToAnEndInsideAMap() {
      valid(
          """
              {'StartAt': 'M', 'States': {'M': {'Type': 'Map', 'End': true, 'ItemProcessor': {
                'StartAt': 'C', 'States': {
                  'C': {'Type': 'Choice', 'Choices': [{'Variable': '$', 'IsNull': true, 'Next': 'Stop'}],
                        'Default': 'Loop'},
                  'Loop': {'Type': 'Wait', 'Seconds': 1, 'Next': 'Loop'},
                  'Stop': {'Type': 'Succeed'}}}}}}
              """);
    }

    @Test
    void reportsANextIntoAnotherScopeAsAMissingTarget() {
      diagnostics(
              """
              {'StartAt': 'P', 'States': {
                'P': {'Type': 'Parallel', 'Next': 'Top', 'Branches': [
                  {'StartAt': 'B1', 'States': {
                    'B1': {'Type': 'Choice', 'Choices': [{'Variable': '$.a', 'IsNull': true, 'Next': 'Top'}],
                           'Default': 'B2'},
                    'B2': {'Type': 'Succeed'}}}]},
                'Top': {'Type': 'Choice', 'Choices': [{'Variable': '$.a', 'IsNull': true, 'Next': 'B2'}],
                        'Default': 'Done'},
                'Done': {'Type': 'Succeed'}}}
              """)
          .containsExactly(
              tuple(TARGET, "/States/P/Branches/0/States/B1/Choices/0/Next"),
              tuple(TARGET, "/States/Top/Choices/0/Next"));
    }

    @Test
    void reportsADanglingTargetAndTheMissingEndTogether() {
      // What AWS answers for {"A": {"Next": "NOPE"}}: both diagnostics.
      diagnostics(single("A", "{'Type': 'Pass', 'Next': 'Nope'}"))
          .containsExactly(tuple(TARGET, "/States/A/Next"), tuple(NO_END, ""));
    }

    @Test
    void reportsAMalformedNextOnlyOnce() {
      diagnostics(single("A", "{'Type': 'Pass', 'Next': 5}"))
          .containsExactly(tuple(SCHEMA, "/States/A/Next"));
    }

    @Test
    void reportsAStartAtNamingNoState() {
      diagnostics("{'StartAt': 'Nope', 'States': {'A': {'Type': 'Succeed'}}}")
          .containsExactly(tuple(TARGET, "/StartAt"));
    }
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
