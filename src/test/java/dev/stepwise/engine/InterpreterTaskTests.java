package dev.stepwise.engine;

import static dev.stepwise.engine.InterpreterSupport.NOW;
import static dev.stepwise.engine.InterpreterSupport.context;
import static dev.stepwise.engine.InterpreterSupport.failed;
import static dev.stepwise.engine.InterpreterSupport.interpreter;
import static dev.stepwise.engine.InterpreterSupport.json;
import static dev.stepwise.engine.InterpreterSupport.output;
import static dev.stepwise.engine.InterpreterSupport.start;
import static dev.stepwise.engine.InterpreterSupport.timer;
import static dev.stepwise.engine.InterpreterSupport.types;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The interpreter on Task states: the request dispatched, its result, retries and catchers. */
class InterpreterTaskTests {
  private static TaskRequest dispatched(Step step) {
    assertThat(step.effect()).isInstanceOf(Effect.Dispatch.class);
    assertThat(step.token().phase()).isEqualTo(Phase.TASK);
    return ((Effect.Dispatch) step.effect()).request();
  }

  private static final String CATCH_TO_RECOVER =
      """
      {'StartAt': 'T', 'States': {
        'T': {'Type': 'Task', 'Resource': 'http://svc/x', 'Next': 'Done',
              'Retry': [%s],
              'Catch': [%s]},
        'Recover': {'Type': 'Pass', 'End': true},
        'Done': {'Type': 'Succeed'}}}
      """;

  private Interpreter task(String retriers, String catchers) {
    return interpreter(CATCH_TO_RECOVER.formatted(retriers, catchers));
  }

  @Test
  void dispatchesTheEffectiveInputAndContinuesWithTheResult() {
    var interpreter =
        interpreter(
            """
            {'StartAt': 'T', 'States': {
              'T': {'Type': 'Task', 'Resource': 'http://svc/x', 'TimeoutSeconds': 7,
                    'InputPath': '$.in', 'Parameters': {'v.$': '$.v', 'retry.$': '$$.State.RetryCount'},
                    'ResultSelector': {'body.$': '$.body'}, 'ResultPath': '$.out', 'OutputPath': '$.out',
                    'Next': 'Done'},
              'Done': {'Type': 'Succeed'}}}
            """);

    Step scheduled = start(interpreter, "{'in': {'v': 'hello'}}");
    TaskRequest request = dispatched(scheduled);

    assertThat(request.stateName()).isEqualTo("T");
    assertThat(request.resource()).isEqualTo("http://svc/x");
    assertThat(request.payload()).isEqualTo(json("{'v': 'hello', 'retry': 0}"));
    assertThat(request.attempt()).isEqualTo(1);
    assertThat(request.timeout()).isEqualTo(Duration.ofSeconds(7));
    assertThat(types(scheduled)).containsExactly("TaskStateEntered", "TaskScheduled");

    Step after =
        interpreter.afterTask(
            scheduled.token(),
            new TaskOutcome.Succeeded(json("{'body': 'b', 'status': 200}")),
            context());

    assertThat(output(after)).isEqualTo(json("{'body': 'b'}"));
    assertThat(types(after))
        .containsExactly(
            "TaskSucceeded", "TaskStateExited", "SucceedStateEntered", "SucceedStateExited");
  }

  @Test
  void usesTheDefaultTaskTimeout() {
    var interpreter =
        interpreter(
            "{'StartAt': 'T', 'States': {'T': {'Type': 'Task', 'Resource': 'r', 'End': true}}}");
    var limits = new StepContext.Limits(1000, Duration.ofSeconds(42), 1000);

    Step step =
        interpreter.advance(interpreter.startToken(Map.of()), context(NOW, new Random(1), limits));

    assertThat(dispatched(step).timeout()).isEqualTo(Duration.ofSeconds(42));
  }

  @Test
  void retriesAfterExponentialBackoffUntilMaxAttemptsThenCatches() {
    var interpreter =
        task(
            "{'ErrorEquals': ['MyError'], 'IntervalSeconds': 2, 'BackoffRate': 3, 'MaxAttempts': 3}",
            "{'ErrorEquals': ['MyError'], 'ResultPath': '$.error', 'Next': 'Recover'}");
    Step step = start(interpreter, "{'id': 1}");
    long[] expectedDelays = {2, 6, 18};

    for (int attempt = 1; attempt <= 3; attempt++) {
      assertThat(dispatched(step).attempt()).isEqualTo(attempt);
      step =
          interpreter.afterTask(step.token(), new TaskOutcome.Failed("MyError", "boom"), context());
      assertThat(timer(step)).isEqualTo(NOW.plusSeconds(expectedDelays[attempt - 1]));
      assertThat(step.token().phase()).isEqualTo(Phase.RETRY);
      assertThat(types(step)).containsExactly("TaskFailed");
      step = interpreter.advance(step.token(), context());
    }
    assertThat(dispatched(step).attempt()).isEqualTo(4);
    assertThat(types(step)).containsExactly("TaskScheduled");

    Step caught =
        interpreter.afterTask(step.token(), new TaskOutcome.Failed("MyError", "last"), context());

    assertThat(output(caught))
        .isEqualTo(json("{'id': 1, 'error': {'Error': 'MyError', 'Cause': 'last'}}"));
    assertThat(types(caught)).containsExactly("TaskFailed", "PassStateEntered", "PassStateExited");
  }

  @Test
  void exposesTheRetryCountToTheRetriedRequest() {
    var interpreter =
        interpreter(
            """
            {'StartAt': 'T', 'States': {'T': {'Type': 'Task', 'Resource': 'r', 'End': true,
              'Parameters': {'retry.$': '$$.State.RetryCount', 'state.$': '$$.State.Name'},
              'Retry': [{'ErrorEquals': ['E'], 'IntervalSeconds': 1, 'MaxAttempts': 2}]}}}
            """);

    Step first = start(interpreter, "{}");
    Step backoff =
        interpreter.afterTask(first.token(), new TaskOutcome.Failed("E", "c"), context());
    Step second = interpreter.advance(backoff.token(), context());

    assertThat(dispatched(first).payload()).isEqualTo(json("{'retry': 0, 'state': 'T'}"));
    assertThat(dispatched(second).payload()).isEqualTo(json("{'retry': 1, 'state': 'T'}"));
    assertThat(dispatched(second).attempt()).isEqualTo(2);
  }

  @Test
  void goesStraightToTheCatcherWhenMaxAttemptsIsZero() {
    var interpreter =
        task(
            "{'ErrorEquals': ['E'], 'MaxAttempts': 0}",
            "{'ErrorEquals': ['E'], 'Next': 'Recover'}");

    Step step =
        interpreter.afterTask(
            start(interpreter, "{}").token(), new TaskOutcome.Failed("E", "c"), context());

    assertThat(output(step)).isEqualTo(json("{'Error': 'E', 'Cause': 'c'}"));
  }

  @Test
  void doesNotFallThroughToALaterRetrierOnceTheMatchingOneIsExhausted() {
    var interpreter =
        task(
            "{'ErrorEquals': ['E'], 'MaxAttempts': 1}, {'ErrorEquals': ['States.ALL'], 'MaxAttempts': 5}",
            "{'ErrorEquals': ['States.ALL'], 'Next': 'Recover'}");
    Step step = start(interpreter, "{}");

    step = interpreter.afterTask(step.token(), new TaskOutcome.Failed("E", "c"), context());
    assertThat(timer(step)).isEqualTo(NOW.plusSeconds(1));
    step = interpreter.advance(step.token(), context());
    step = interpreter.afterTask(step.token(), new TaskOutcome.Failed("E", "again"), context());

    assertThat(output(step)).isEqualTo(json("{'Error': 'E', 'Cause': 'again'}"));
  }

  @Test
  void capsTheBackoffAtMaxDelaySeconds() {
    var interpreter =
        task(
            "{'ErrorEquals': ['States.ALL'], 'IntervalSeconds': 10, 'BackoffRate': 10, 'MaxAttempts': 5, 'MaxDelaySeconds': 50}",
            "{'ErrorEquals': ['States.ALL'], 'Next': 'Recover'}");
    Step step = start(interpreter, "{}");
    long[] expectedDelays = {10, 50, 50};

    for (long expected : expectedDelays) {
      step = interpreter.afterTask(step.token(), new TaskOutcome.Failed("E", "c"), context());
      assertThat(timer(step)).isEqualTo(NOW.plusSeconds(expected));
      step = interpreter.advance(step.token(), context());
    }
  }

  @Test
  void drawsFullJitterFromTheSeededRandomSource() {
    var interpreter =
        task(
            "{'ErrorEquals': ['E'], 'IntervalSeconds': 10, 'BackoffRate': 2, 'MaxAttempts': 2, 'JitterStrategy': 'FULL'}",
            "{'ErrorEquals': ['E'], 'Next': 'Recover'}");
    var seeded = context(NOW, new Random(42), StepContext.Limits.DEFAULT);
    var expected = new Random(42);
    Step step = start(interpreter, "{}");
    double[] ceilings = {10, 20};

    for (double ceiling : ceilings) {
      step = interpreter.afterTask(step.token(), new TaskOutcome.Failed("E", "c"), seeded);
      Duration delay = Duration.between(NOW, timer(step));
      assertThat(delay).isBetween(Duration.ZERO, Duration.ofMillis((long) (ceiling * 1000)));
      assertThat(delay.toMillis()).isEqualTo(Math.round(expected.nextDouble() * ceiling * 1000));
      step = interpreter.advance(step.token(), seeded);
    }
  }

  @Test
  void taskFailedDoesNotMatchTimeout() {
    var interpreter = task("", "{'ErrorEquals': ['States.TaskFailed'], 'Next': 'Recover'}");

    Step timedOut =
        interpreter.afterTask(
            start(interpreter, "{}").token(),
            new TaskOutcome.Failed("States.Timeout", "too slow"),
            context());
    Step otherError =
        interpreter.afterTask(
            start(interpreter, "{}").token(), new TaskOutcome.Failed("Custom", "x"), context());

    assertThat(failed(timedOut).error()).isEqualTo("States.Timeout");
    assertThat(types(timedOut)).containsExactly("TaskTimedOut");
    assertThat(output(otherError)).isEqualTo(json("{'Error': 'Custom', 'Cause': 'x'}"));
  }

  @Test
  void statesAllDoesNotCatchRuntimeErrors() {
    var interpreter =
        interpreter(
            """
            {'StartAt': 'T', 'States': {
              'T': {'Type': 'Task', 'Resource': 'r', 'Parameters': {'x.$': '$.missing'}, 'End': true,
                    'Retry': [{'ErrorEquals': ['States.ALL']}],
                    'Catch': [{'ErrorEquals': ['States.ALL'], 'Next': 'Recover'}]},
              'Recover': {'Type': 'Succeed'}}}
            """);

    var failed = failed(start(interpreter, "{}"));

    assertThat(failed.error()).isEqualTo("States.Runtime");
    assertThat(failed.cause()).contains("$.missing");
  }

  @Test
  void statesAllDoesNotCatchAnOversizedResult() {
    var interpreter = task("", "{'ErrorEquals': ['States.ALL'], 'Next': 'Recover'}");
    var limits = new StepContext.Limits(100, Duration.ofSeconds(60), 1000);
    var small = context(NOW, new Random(1), limits);

    Step step = interpreter.advance(interpreter.startToken(Map.of()), small);
    Step after =
        interpreter.afterTask(step.token(), new TaskOutcome.Succeeded("y".repeat(200)), small);

    assertThat(failed(after).error()).isEqualTo("States.DataLimitExceeded");
  }

  @Test
  void failsWithTheTaskErrorWhenNothingMatches() {
    var interpreter =
        task(
            "{'ErrorEquals': ['Other'], 'MaxAttempts': 5}",
            "{'ErrorEquals': ['Another'], 'Next': 'Recover'}");

    Step step =
        interpreter.afterTask(
            start(interpreter, "{}").token(), new TaskOutcome.Failed("Mine", "why"), context());

    assertThat(failed(step)).isEqualTo(new Effect.Failed("Mine", "why"));
  }
}
