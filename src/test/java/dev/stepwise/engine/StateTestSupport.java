package dev.stepwise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.Json;
import dev.stepwise.asl.parse.AslParser;
import dev.stepwise.engine.StateTest.Progress;
import java.time.Instant;
import java.util.Map;
import java.util.Random;

/**
 * What the state test tests share: a state machine whose first state is the one under test, a fixed
 * context, and the progress read as an end or a task call.
 */
final class StateTestSupport {
  private StateTestSupport() {}

  static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

  static Object json(String singleQuoted) {
    return Json.parse(singleQuoted.replace('\'', '"'));
  }

  /** A state machine whose first state is {@code state} (named S), followed by Pass states. */
  static StateTest test(String state, String... others) {
    var states = new StringBuilder("{'S': " + state);
    for (String other : others) states.append(", '").append(other).append("': {'Type': 'Pass'}");
    var parsed =
        AslParser.parse(("{'StartAt': 'S', 'States': " + states + "}}").replace('\'', '"'));
    assertThat(parsed.diagnostics()).isEmpty();
    return StateTest.of(parsed.stateMachine(), "S");
  }

  static StepContext context() {
    var execution = new ExecutionInfo("exec-1", "run-1", Map.of(), NOW, "machine", 1, 0);
    return new StepContext(execution, NOW, new Random(7), 0, StepContext.Limits.DEFAULT);
  }

  static Progress start(StateTest test, String input) {
    return test.start(new StateTest.Setup(json(input), Map.of(), Map.of(), 0), context());
  }

  static StateTestResult ended(Progress progress) {
    assertThat(progress).isInstanceOf(Progress.Ended.class);
    return ((Progress.Ended) progress).result();
  }

  static TaskRequest task(Progress progress) {
    assertThat(progress).isInstanceOf(Progress.CallsTask.class);
    return ((Progress.CallsTask) progress).request();
  }
}
