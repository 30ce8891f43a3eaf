package dev.stepwise.engine;

import static dev.stepwise.engine.StateTestSupport.context;
import static dev.stepwise.engine.StateTestSupport.ended;
import static dev.stepwise.engine.StateTestSupport.start;
import static dev.stepwise.engine.StateTestSupport.test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.asl.parse.AslParser;
import dev.stepwise.engine.StateTest.Progress;
import dev.stepwise.engine.StateTestResult.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One state run on its own, as TestState runs it: the next state of a Choice, a Fail, a Wait that
 * does not wait, a Parallel, and a state inside a branch.
 */
class StateTestTransitionTests {
  @Test
  void choiceNamesTheBranchItChoseAsTheNextState() {
    String choice =
        "{'Type': 'Choice', 'InputPath': '$.v', 'Choices': ["
            + "{'Variable': '$', 'NumericGreaterThan': 10, 'Next': 'Big'}], 'Default': 'Small'}";

    var big = ended(start(test(choice, "Big", "Small"), "{'v': 12}"));
    var small = ended(start(test(choice, "Big", "Small"), "{'v': 3}"));

    assertThat(big.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(big.nextState()).isEqualTo("Big");
    assertThat(big.output()).isEqualTo(12);
    assertThat(big.inspection()).containsEntry(Inspected.AFTER_INPUT_PATH, 12);
    assertThat(small.nextState()).isEqualTo("Small");
  }

  @Test
  void aChoiceWithoutAMatchFails() {
    var test =
        test(
            "{'Type': 'Choice', 'Choices': [{'Variable': '$.v', 'IsNull': true, 'Next': 'T'}]}",
            "T");

    var result = ended(start(test, "{'v': 1}"));

    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.error()).isEqualTo("States.NoChoiceMatched");
  }

  @Test
  void failEndsWithItsErrorAndCause() {
    var test = test("{'Type': 'Fail', 'Error': 'Bad', 'CausePath': '$.why'}");

    var result = ended(start(test, "{'why': 'because'}"));

    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.error()).isEqualTo("Bad");
    assertThat(result.cause()).isEqualTo("because");
    assertThat(result.hasOutput()).isFalse();
    assertThat(result.nextState()).isNull();
  }

  @Test
  void aWaitStateDoesNotWait() {
    var test = test("{'Type': 'Wait', 'Seconds': 3600, 'OutputPath': '$.a', 'Next': 'T'}", "T");

    var result = ended(start(test, "{'a': [1]}"));

    assertThat(result.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(result.output()).isEqualTo(List.of(1));
    assertThat(result.nextState()).isEqualTo("T");
  }

  @Test
  void aParallelStateTakesItsBranchesOutputsFromTheCaller() {
    var test =
        test(
            "{'Type': 'Parallel', 'ResultSelector': {'first.$': '$[0]'}, 'End': true,"
                + " 'Branches': [{'StartAt': 'B', 'States': {'B': {'Type': 'Pass', 'End': true}}}]}");

    Progress forks = start(test, "{'x': 1}");
    assertThat(forks).isInstanceOf(Progress.Forks.class);
    var result = ended(test.afterChildren(List.of("a", "b")));

    assertThat(result.output()).isEqualTo(Map.of("first", "a"));
    assertThat(result.inspection())
        .containsEntry(Inspected.RESULT, List.of("a", "b"))
        .containsEntry(Inspected.AFTER_PARAMETERS, Map.of("x", 1));
  }

  @Test
  void aStateInsideABranchCanBeTestedAndAnUnknownOneCannot() {
    var parsed =
        AslParser.parse(
            ("{'StartAt': 'P', 'States': {'P': {'Type': 'Parallel', 'End': true, 'Branches': ["
                    + "{'StartAt': 'Inner', 'States': {'Inner': {'Type': 'Pass', 'Result': 1,"
                    + " 'End': true}}}]}}}")
                .replace('\'', '"'));

    var result =
        ended(
            StateTest.of(parsed.stateMachine(), "Inner")
                .start(new StateTest.Setup(Map.of(), Map.of(), Map.of(), 0), context()));

    assertThat(result.output()).isEqualTo(1);
    assertThatThrownBy(() -> StateTest.of(parsed.stateMachine(), "Nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Nope'");
  }
}
