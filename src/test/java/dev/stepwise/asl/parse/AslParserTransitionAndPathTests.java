package dev.stepwise.asl.parse;

import static dev.stepwise.asl.parse.AslParserSupport.DUPLICATE;
import static dev.stepwise.asl.parse.AslParserSupport.NO_END;
import static dev.stepwise.asl.parse.AslParserSupport.PATH;
import static dev.stepwise.asl.parse.AslParserSupport.SCHEMA;
import static dev.stepwise.asl.parse.AslParserSupport.TARGET;
import static dev.stepwise.asl.parse.AslParserSupport.diagnostics;
import static dev.stepwise.asl.parse.AslParserSupport.single;
import static dev.stepwise.asl.parse.AslParserSupport.withState;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The parser's report on transitions (targets, Next and End, state names) and on paths that are not
 * valid.
 */
class AslParserTransitionAndPathTests {
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
}
