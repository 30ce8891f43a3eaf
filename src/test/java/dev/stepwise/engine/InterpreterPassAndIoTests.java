package dev.stepwise.engine;

import static dev.stepwise.engine.InterpreterSupport.NOW;
import static dev.stepwise.engine.InterpreterSupport.context;
import static dev.stepwise.engine.InterpreterSupport.failed;
import static dev.stepwise.engine.InterpreterSupport.interpreter;
import static dev.stepwise.engine.InterpreterSupport.json;
import static dev.stepwise.engine.InterpreterSupport.output;
import static dev.stepwise.engine.InterpreterSupport.start;
import static dev.stepwise.engine.InterpreterSupport.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The interpreter on Pass chains and the input and output processing of a state. */
class InterpreterPassAndIoTests {
  @Test
  void runsAPassChainToTheEndInOneCall() {
    var interpreter =
        interpreter(
            """
            {'StartAt': 'A', 'States': {
              'A': {'Type': 'Pass', 'Result': 1, 'ResultPath': '$.a', 'Next': 'B'},
              'B': {'Type': 'Pass', 'Result': 2, 'ResultPath': '$.b', 'Next': 'C'},
              'C': {'Type': 'Succeed'}}}
            """);

    Step step = start(interpreter, "{'x': 0}");

    assertThat(output(step)).isEqualTo(json("{'x': 0, 'a': 1, 'b': 2}"));
    assertThat(types(step))
        .containsExactly(
            "PassStateEntered", "PassStateExited",
            "PassStateEntered", "PassStateExited",
            "SucceedStateEntered", "SucceedStateExited");
    assertThat(step.events().get(0).details())
        .containsExactly(entry("name", "A"), entry("input", json("{'x': 0}")));
    assertThat(step.events().get(3).details())
        .containsEntry("name", "B")
        .containsEntry("output", json("{'x': 0, 'a': 1, 'b': 2}"));
  }

  @Test
  void appliesInputPathParametersResultPathAndOutputPath() {
    var interpreter =
        interpreter(
            """
            {'StartAt': 'A', 'States': {'A': {'Type': 'Pass',
              'InputPath': '$.order',
              'Parameters': {'id.$': '$.id', 'fixed': 'f', 'exec.$': '$$.Execution.Id', 'state.$': '$$.State.Name'},
              'ResultPath': '$.result',
              'OutputPath': '$.result',
              'End': true}}}
            """);

    Step step = start(interpreter, "{'order': {'id': 42}, 'other': true}");

    assertThat(output(step))
        .isEqualTo(json("{'id': 42, 'fixed': 'f', 'exec': 'exec-1', 'state': 'A'}"));
  }

  @Test
  void placesTheResultInTheRawInputNotTheFilteredOne() {
    var interpreter =
        interpreter(
            "{'StartAt': 'A', 'States': {'A': {'Type': 'Pass', 'InputPath': '$.a', 'ResultPath': '$.copy', 'End': true}}}");

    assertThat(output(start(interpreter, "{'a': {'v': 1}, 'b': 2}")))
        .isEqualTo(json("{'a': {'v': 1}, 'b': 2, 'copy': {'v': 1}}"));
  }

  @Test
  void nullPathsDiscard() {
    var nullResultPath =
        interpreter(
            "{'StartAt': 'A', 'States': {'A': {'Type': 'Pass', 'Result': 'r', 'ResultPath': null, 'End': true}}}");
    var nullOutputPath =
        interpreter(
            "{'StartAt': 'A', 'States': {'A': {'Type': 'Pass', 'OutputPath': null, 'End': true}}}");
    var nullInputPath =
        interpreter(
            "{'StartAt': 'A', 'States': {'A': {'Type': 'Pass', 'InputPath': null, 'ResultPath': '$.seen', 'End': true}}}");

    assertThat(output(start(nullResultPath, "{'keep': 1}"))).isEqualTo(json("{'keep': 1}"));
    assertThat(output(start(nullOutputPath, "{'keep': 1}"))).isEqualTo(Map.of());
    assertThat(output(start(nullInputPath, "{'keep': 1}")))
        .isEqualTo(json("{'keep': 1, 'seen': {}}"));
  }

  @Test
  void failsWithRuntimeErrorWhenAPathSelectsNothing() {
    var interpreter =
        interpreter(
            "{'StartAt': 'A', 'States': {'A': {'Type': 'Pass', 'InputPath': '$.missing', 'End': true}}}");

    var failed = failed(start(interpreter, "{}"));

    assertThat(failed.error()).isEqualTo("States.Runtime");
    assertThat(failed.cause()).contains("'A'").contains("event id #1");
  }

  @Test
  void failsWithResultPathMatchFailureWhenResultPathRunsIntoAScalar() {
    var interpreter =
        interpreter(
            "{'StartAt': 'A', 'States': {'A': {'Type': 'Pass', 'Result': 1, 'ResultPath': '$.a.b', 'End': true}}}");

    assertThat(failed(start(interpreter, "{'a': 'text'}")).error())
        .isEqualTo("States.ResultPathMatchFailure");
  }

  @Test
  void failsWithDataLimitExceededOnAnOversizedOutput() {
    var interpreter =
        interpreter(
            "{'StartAt': 'A', 'States': {'A': {'Type': 'Pass', 'Result': '"
                + "x".repeat(200)
                + "', 'End': true}}}");
    var limits = new StepContext.Limits(100, Duration.ofSeconds(60), 1000);

    Step step =
        interpreter.advance(interpreter.startToken(Map.of()), context(NOW, new Random(1), limits));

    assertThat(failed(step).error()).isEqualTo("States.DataLimitExceeded");
    assertThat(types(step)).containsExactly("PassStateEntered");
  }

  @Test
  void endsWithTheFailStatesErrorAndCause() {
    var interpreter =
        interpreter(
            "{'StartAt': 'A', 'States': {'A': {'Type': 'Fail', 'ErrorPath': '$.e', 'Cause': 'literal'}}}");

    var failed = failed(start(interpreter, "{'e': 'Custom.Error'}"));

    assertThat(failed.error()).isEqualTo("Custom.Error");
    assertThat(failed.cause()).isEqualTo("literal");
  }
}
