package dev.stepwise.asl.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.stepwise.asl.Diagnostic;
import dev.stepwise.asl.model.ChoiceState;
import dev.stepwise.asl.model.FailState;
import dev.stepwise.asl.model.MapState;
import dev.stepwise.asl.model.ParallelState;
import dev.stepwise.asl.model.PassState;
import dev.stepwise.asl.model.Retrier;
import dev.stepwise.asl.model.StateMachine;
import dev.stepwise.asl.model.SucceedState;
import dev.stepwise.asl.model.TaskState;
import dev.stepwise.asl.model.WaitState;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ListAssert;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The parser accepts every state type and reports each problem with its code and the JSON pointer
 * of the offending field. Definitions are written with single quotes for readability.
 */
class AslParserTests {
  private static final String SCHEMA = "SCHEMA_VALIDATION_FAILED";
  private static final String PATH = "INVALID_JSON_PATH";
  private static final String TARGET = "MISSING_TRANSITION_TARGET";
  private static final String DUPLICATE = "DUPLICATE_STATE_NAME";
  private static final String UNSUPPORTED = "UNSUPPORTED_FEATURE";
  private static final String NO_END = "MISSING_END_STATE";

  private static AslParser.Result parse(String singleQuoted) {
    return AslParser.parse(singleQuoted.replace('\'', '"'));
  }

  private static StateMachine valid(String singleQuoted) {
    var result = parse(singleQuoted);
    assertThat(result.diagnostics()).as("diagnostics").isEmpty();
    assertThat(result.valid()).isTrue();
    return result.stateMachine();
  }

  private static ListAssert<Tuple> diagnostics(String singleQuoted) {
    var result = parse(singleQuoted);
    assertThat(result.valid()).as("valid").isFalse();
    assertThat(result.stateMachine()).isNull();
    return assertThat(
            result.diagnostics().stream().map(d -> tuple(d.code(), d.location())).toList())
        .as("diagnostics %s", result.diagnostics());
  }

  /** A definition whose only state is {@code state}, named {@code name}. */
  private static String single(String name, String state) {
    return "{'StartAt': '" + name + "', 'States': {'" + name + "': " + state + "}}";
  }

  @Nested
  class ValidDefinitions {
    @Test
    void parsesEveryStateType() {
      var machine =
          valid(
              """
              {
                'Comment': 'all types', 'Version': '1.0', 'TimeoutSeconds': 30,
                'StartAt': 'P',
                'States': {
                  'P': {'Type': 'Pass', 'Result': {'a': 1}, 'ResultPath': '$.r', 'Next': 'T'},
                  'T': {'Type': 'Task', 'Resource': 'http://localhost/x', 'TimeoutSeconds': 5,
                        'HeartbeatSeconds': 2, 'Parameters': {'x.$': '$.r'},
                        'ResultSelector': {'y.$': '$.z'}, 'ResultPath': '$.t',
                        'Retry': [{'ErrorEquals': ['E'], 'IntervalSeconds': 2, 'MaxAttempts': 4,
                                   'BackoffRate': 1.5, 'MaxDelaySeconds': 10, 'JitterStrategy': 'FULL'},
                                  {'ErrorEquals': ['States.ALL']}],
                        'Catch': [{'ErrorEquals': ['States.ALL'], 'ResultPath': '$.err', 'Next': 'F'}],
                        'Next': 'C'},
                  'C': {'Type': 'Choice',
                        'Choices': [{'Variable': '$.a', 'NumericEquals': 1, 'Next': 'W'}],
                        'Default': 'S'},
                  'W': {'Type': 'Wait', 'Seconds': 1, 'Next': 'Par'},
                  'Par': {'Type': 'Parallel', 'Next': 'M',
                          'Branches': [{'StartAt': 'B1', 'States': {'B1': {'Type': 'Pass', 'End': true}}},
                                       {'StartAt': 'B2', 'States': {'B2': {'Type': 'Pass', 'End': true}}}]},
                  'M': {'Type': 'Map', 'ItemsPath': '$.items', 'MaxConcurrency': 3,
                        'ItemSelector': {'i.$': '$$.Map.Item.Index'}, 'Next': 'L',
                        'ItemProcessor': {'ProcessorConfig': {'Mode': 'INLINE'}, 'StartAt': 'I',
                                          'States': {'I': {'Type': 'Succeed'}}}},
                  'L': {'Type': 'Map', 'Iterator': {'StartAt': 'J', 'States': {'J': {'Type': 'Pass', 'End': true}}},
                        'Next': 'S'},
                  'S': {'Type': 'Succeed'},
                  'F': {'Type': 'Fail', 'Error': 'Oops', 'Cause': 'because'}
                }
              }
              """);

      assertThat(machine.startAt()).isEqualTo("P");
      assertThat(machine.timeoutSeconds()).isEqualTo(30);
      assertThat(machine.state("P")).isInstanceOf(PassState.class);
      assertThat(machine.state("C")).isInstanceOf(ChoiceState.class);
      assertThat(machine.state("W")).isInstanceOf(WaitState.class);
      assertThat(machine.state("S")).isInstanceOf(SucceedState.class);
      assertThat(machine.state("F")).isInstanceOf(FailState.class);
      assertThat(((ParallelState) machine.state("Par")).branches()).hasSize(2);

      var task = (TaskState) machine.state("T");
      assertThat(task.timeoutSeconds()).isEqualTo(5);
      assertThat(task.heartbeatSeconds()).isEqualTo(2);
      assertThat(task.transition().next()).isEqualTo("C");
      assertThat(task.errors().retriers().getFirst())
          .isEqualTo(new Retrier(List.of("E"), 2, 4, 1.5, 10, Retrier.JitterStrategy.FULL));
      assertThat(task.errors().catchers().getFirst().next()).isEqualTo("F");

      var map = (MapState) machine.state("M");
      assertThat(map.itemsPath()).isEqualTo("$.items");
      assertThat(map.maxConcurrency()).isEqualTo(3);
      assertThat(map.itemProcessor().startAt()).isEqualTo("I");
      assertThat(((MapState) machine.state("L")).itemProcessor().startAt()).isEqualTo("J");
      assertThat(((WaitState) machine.state("W")).seconds()).isEqualTo(1L);
    }

    @Test
    void appliesTheRetrierDefaults() {
      var machine =
          valid(
              single(
                  "T",
                  "{'Type': 'Task', 'Resource': 'r', 'End': true, 'Retry': [{'ErrorEquals': ['E']}]}"));

      assertThat(((TaskState) machine.state("T")).errors().retriers())
          .containsExactly(new Retrier(List.of("E"), 1, 3, 2.0, null, Retrier.JitterStrategy.NONE));
    }

    @Test
    void readsAStateWithNeitherNextNorEndAsAnEnd() {
      var machine = valid(single("A", "{'Type': 'Pass'}"));

      assertThat(((PassState) machine.state("A")).transition().isEnd()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "{'Type': 'Wait', 'Seconds': 0, 'End': true}",
          "{'Type': 'Wait', 'Timestamp': '2030-01-01T00:00:00Z', 'End': true}",
          "{'Type': 'Wait', 'SecondsPath': '$.s', 'End': true}",
          "{'Type': 'Wait', 'TimestampPath': '$.t', 'End': true}",
          "{'Type': 'Fail', 'ErrorPath': '$.e', 'CausePath': '$.c'}",
          "{'Type': 'Pass', 'InputPath': null, 'OutputPath': null, 'ResultPath': null, 'End': true}",
          "{'Type': 'Pass', 'ResultPath': '$.a[0].c', 'End': true}",
          "{'Type': 'Pass', 'InputPath': '$.items[?(@.price > 10)]', 'End': true}",
        })
    void acceptsEveryFormOfAField(String state) {
      valid(single("A", state));
    }
  }

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

  /**
   * {@code state} named X, and a Succeed state Y when X names it (so that every state is
   * reachable).
   */
  private static String withState(String state) {
    String y = state.contains("'Y'") ? ", 'Y': {'Type': 'Succeed'}" : "";
    return "{'StartAt': 'X', 'States': {'X': " + state + y + "}}";
  }

  @Nested
  class UnknownFields {
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.stepwise.asl.parse.AslParserTests#minimalStates")
    void acceptsTheMinimalState(String type, String state) {
      valid(withState(state + "}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.stepwise.asl.parse.AslParserTests#minimalStates")
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

  @Nested
  class Transitions {
    @Test
    void reportsANextNamingNoState() {
      // As AWS does, the only state leading nowhere also leaves the machine without an end.
      diagnostics(single("A", "{'Type': 'Pass', 'Next': 'B'}"))
          .containsExactly(tuple(TARGET, "/States/A/Next"), tuple(NO_END, ""));
    }

    @Test
    void reportsAChoiceDefaultNamingNoState() {
      diagnostics(
              single(
                  "C",
                  "{'Type': 'Choice', 'Choices': [{'Variable': '$.a', 'IsNull': true, 'Next': 'C'}], 'Default': 'Gone'}"))
          .containsExactly(tuple(TARGET, "/States/C/Default"), tuple(NO_END, ""));
    }

    @Test
    void reportsAChoiceRuleNamingNoState() {
      diagnostics(
              single(
                  "C",
                  "{'Type': 'Choice', 'Choices': [{'Variable': '$.a', 'IsNull': true, 'Next': 'C'},"
                      + " {'Variable': '$.a', 'IsNull': false, 'Next': 'Gone'}]}"))
          .containsExactly(tuple(TARGET, "/States/C/Choices/1/Next"), tuple(NO_END, ""));
    }

    @Test
    void reportsACatcherNamingNoState() {
      diagnostics(
              single(
                  "T",
                  "{'Type': 'Task', 'Resource': 'r', 'End': true, 'Catch': [{'ErrorEquals': ['States.ALL'], 'Next': 'Gone'}]}"))
          .containsExactly(tuple(TARGET, "/States/T/Catch/0/Next"));
    }

    @Test
    void reportsACatcherWithoutNext() {
      diagnostics(
              single(
                  "T",
                  "{'Type': 'Task', 'Resource': 'r', 'End': true, 'Catch': [{'ErrorEquals': ['E']}]}"))
          .containsExactly(tuple(SCHEMA, "/States/T/Catch/0/Next"));
    }

    @Test
    void resolvesBranchTransitionsInsideTheBranchOnly() {
      diagnostics(
              """
              {'StartAt': 'P', 'States': {
                'Outer': {'Type': 'Succeed'},
                'P': {'Type': 'Parallel', 'Next': 'Outer', 'Branches': [
                  {'StartAt': 'B', 'States': {'B': {'Type': 'Pass', 'Next': 'Outer'}}}]}}}
              """)
          .containsExactly(
              tuple(TARGET, "/States/P/Branches/0/States/B/Next"),
              tuple(NO_END, "/States/P/Branches/0"));
    }

    @Test
    void reportsNextAndEndTogether() {
      diagnostics(withState("{'Type': 'Pass', 'Next': 'Y', 'End': true}"))
          .containsExactly(tuple(SCHEMA, "/States/X/End"));
    }

    @Test
    void reportsDuplicateStateNamesAcrossBranches() {
      diagnostics(
              """
              {'StartAt': 'P', 'States': {
                'P': {'Type': 'Parallel', 'End': true, 'Branches': [
                  {'StartAt': 'Same', 'States': {'Same': {'Type': 'Succeed'}}},
                  {'StartAt': 'Same', 'States': {'Same': {'Type': 'Succeed'}}}]}}}
              """)
          .containsExactly(tuple(DUPLICATE, "/States/P/Branches/1/States/Same"));
    }

    @Test
    void reportsAMapStateNameReusedAtTheTopLevel() {
      diagnostics(
              """
              {'StartAt': 'M', 'States': {
                'M': {'Type': 'Map', 'Next': 'I', 'ItemProcessor': {'StartAt': 'I', 'States': {'I': {'Type': 'Succeed'}}}},
                'I': {'Type': 'Succeed'}}}
              """)
          .containsExactly(tuple(DUPLICATE, "/States/I"));
    }
  }

  @Nested
  class Paths {
    @ParameterizedTest
    @ValueSource(strings = {"InputPath", "OutputPath"})
    void reportsAnInvalidIoPath(String field) {
      diagnostics(single("A", "{'Type': 'Pass', '" + field + "': 'a.b', 'End': true}"))
          .containsExactly(tuple(PATH, "/States/A/" + field));
      diagnostics(single("A", "{'Type': 'Pass', '" + field + "': '$.a.', 'End': true}"))
          .containsExactly(tuple(PATH, "/States/A/" + field));
    }

    @Test
    void reportsAnInvalidItemsPath() {
      diagnostics(
              single(
                  "M",
                  "{'Type': 'Map', 'ItemsPath': '$..[', 'End': true, 'ItemProcessor': {'StartAt': 'I', 'States': {'I': {'Type': 'Succeed'}}}}"))
          .containsExactly(tuple(PATH, "/States/M/ItemsPath"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"$.a[*]", "$..a", "$.a[?(@.b)]", "$$.Execution", "a", "$.a[-1]"})
    void reportsAResultPathThatIsNotAReferencePath(String path) {
      diagnostics(single("A", "{'Type': 'Pass', 'ResultPath': '" + path + "', 'End': true}"))
          .containsExactly(tuple(PATH, "/States/A/ResultPath"));
    }

    @Test
    void reportsACatcherResultPathThatIsNotAReferencePath() {
      diagnostics(
              single(
                  "T",
                  "{'Type': 'Task', 'Resource': 'r', 'End': true, 'Catch': [{'ErrorEquals': ['E'], 'ResultPath': '$.a[*]', 'Next': 'T'}]}"))
          .containsExactly(tuple(PATH, "/States/T/Catch/0/ResultPath"));
    }

    @Test
    void reportsAnInvalidPathInAPayloadTemplate() {
      diagnostics(
              single("A", "{'Type': 'Pass', 'Parameters': {'n': {'x.$': 'nope'}}, 'End': true}"))
          .containsExactly(tuple(PATH, "/States/A/Parameters/n/x.$"));
    }
  }

  @Nested
  class ErrorHandling {
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

  @Nested
  class StateRules {
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
}
