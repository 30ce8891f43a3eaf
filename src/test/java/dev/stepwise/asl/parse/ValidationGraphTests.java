package dev.stepwise.asl.parse;

import static dev.stepwise.asl.parse.AslParserSupport.NO_END;
import static dev.stepwise.asl.parse.AslParserSupport.SCHEMA;
import static dev.stepwise.asl.parse.AslParserSupport.TARGET;
import static dev.stepwise.asl.parse.AslParserSupport.single;
import static dev.stepwise.asl.parse.ValidationSupport.diagnostics;
import static dev.stepwise.asl.parse.ValidationSupport.valid;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

/**
 * Validation of the graph of states: reachability, states with no way to an end, and targets in
 * another scope or missing.
 */
class ValidationGraphTests {
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
