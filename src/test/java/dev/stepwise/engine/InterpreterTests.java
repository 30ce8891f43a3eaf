package dev.stepwise.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.stepwise.asl.Json;
import dev.stepwise.asl.parse.AslParser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The interpreter driven directly: fixed time, seeded randomness, no runtime. Definitions are
 * written with single quotes for readability.
 */
class InterpreterTests {
  private static final Instant STARTED = Instant.parse("2030-01-01T00:00:00Z");
  private static final Instant NOW = Instant.parse("2030-01-01T00:00:10Z");
  private static final ExecutionInfo EXECUTION =
      new ExecutionInfo("exec-1", "run-1", Map.of(), STARTED, "machine", 1, 0);

  private static StepContext context(
      Instant now, RandomGenerator random, StepContext.Limits limits) {
    return new StepContext(EXECUTION, now, random, 1, limits);
  }

  private static StepContext context() {
    return context(NOW, new Random(7), StepContext.Limits.DEFAULT);
  }

  private static Interpreter interpreter(String singleQuoted) {
    var result = AslParser.parse(singleQuoted.replace('\'', '"'));
    assertThat(result.diagnostics()).isEmpty();
    return new Interpreter(result.stateMachine());
  }

  /** JSON text (single quotes allowed) as the plain value the engine works on. */
  private static Object json(String singleQuoted) {
    return Json.parse(singleQuoted.replace('\'', '"'));
  }

  private static Step start(Interpreter interpreter, String input) {
    return interpreter.advance(interpreter.startToken(json(input)), context());
  }

  private static List<String> types(Step step) {
    return step.events().stream().map(Event::type).toList();
  }

  private static Object output(Step step) {
    assertThat(step.effect()).isInstanceOf(Effect.Finished.class);
    assertThat(step.token()).isNull();
    return ((Effect.Finished) step.effect()).output();
  }

  private static Effect.Failed failed(Step step) {
    assertThat(step.effect()).isInstanceOf(Effect.Failed.class);
    // A failed token stays at the state that failed, entered afresh, for a redrive.
    assertThat(step.token().phase()).isEqualTo(Phase.ENTER);
    return (Effect.Failed) step.effect();
  }

  private static TaskRequest dispatched(Step step) {
    assertThat(step.effect()).isInstanceOf(Effect.Dispatch.class);
    assertThat(step.token().phase()).isEqualTo(Phase.TASK);
    return ((Effect.Dispatch) step.effect()).request();
  }

  private static Instant timer(Step step) {
    assertThat(step.effect()).isInstanceOf(Effect.Timer.class);
    return ((Effect.Timer) step.effect()).dueAt();
  }

  private static Effect.StartFork fork(Step step) {
    assertThat(step.effect()).isInstanceOf(Effect.StartFork.class);
    assertThat(step.token().phase()).isEqualTo(Phase.FORK);
    return (Effect.StartFork) step.effect();
  }

  @Nested
  class PassAndIo {
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
          interpreter.advance(
              interpreter.startToken(Map.of()), context(NOW, new Random(1), limits));

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

  @Nested
  class Choice {
    private final Interpreter interpreter =
        interpreter(
            """
            {'StartAt': 'C', 'States': {
              'C': {'Type': 'Choice', 'Default': 'Other', 'Choices': [
                {'Variable': '$.n', 'NumericLessThan': 10, 'Next': 'Small'},
                {'And': [{'Variable': '$.n', 'NumericGreaterThanEquals': 10},
                         {'Variable': '$.kind', 'StringEquals': 'big'}], 'Next': 'Big'}]},
              'Small': {'Type': 'Pass', 'Result': 'small', 'End': true},
              'Big': {'Type': 'Pass', 'Result': 'big', 'End': true},
              'Other': {'Type': 'Pass', 'Result': 'other', 'End': true}}}
            """);

    @Test
    void takesTheFirstMatchingRule() {
      assertThat(output(start(interpreter, "{'n': 3, 'kind': 'big'}"))).isEqualTo("small");
      assertThat(output(start(interpreter, "{'n': 30, 'kind': 'big'}"))).isEqualTo("big");
    }

    @Test
    void takesTheDefaultWhenNoRuleMatches() {
      Step step = start(interpreter, "{'n': 30, 'kind': 'huge'}");

      assertThat(output(step)).isEqualTo("other");
      assertThat(types(step))
          .containsExactly(
              "ChoiceStateEntered", "ChoiceStateExited", "PassStateEntered", "PassStateExited");
    }

    @Test
    void failsWithNoChoiceMatchedWithoutDefault() {
      var noDefault =
          interpreter(
              """
              {'StartAt': 'C', 'States': {
                'C': {'Type': 'Choice', 'Choices': [{'Variable': '$.n', 'NumericEquals': 1, 'Next': 'D'}]},
                'D': {'Type': 'Succeed'}}}
              """);

      assertThat(failed(start(noDefault, "{'n': 2}")).error()).isEqualTo("States.NoChoiceMatched");
    }

    @Test
    void yieldsATimerNowAfterMaxStepsPerYieldStates() {
      var loop =
          interpreter(
              """
              {'StartAt': 'A', 'States': {
                'A': {'Type': 'Pass', 'Next': 'C'},
                'C': {'Type': 'Choice', 'Choices': [{'Variable': '$.stop', 'IsPresent': true, 'Next': 'End'}],
                      'Default': 'A'},
                'End': {'Type': 'Succeed'}}}
              """);
      var limits = new StepContext.Limits(256 * 1024, Duration.ofSeconds(60), 5);
      var context = context(NOW, new Random(1), limits);

      Step first = loop.advance(loop.startToken(Map.of()), context);

      assertThat(timer(first)).isEqualTo(NOW);
      assertThat(first.events()).hasSize(10);
      assertThat(first.token().state()).isEqualTo("C");
      assertThat(first.token().phase()).isEqualTo(Phase.ENTER);

      Step second = loop.advance(first.token(), context);

      assertThat(timer(second)).isEqualTo(NOW);
      assertThat(second.events()).hasSize(10);
      assertThat(second.events().getFirst().type()).isEqualTo("ChoiceStateEntered");
      assertThat(second.token().state()).isEqualTo("A");
    }
  }

  @Nested
  class Wait {
    @Test
    void armsATimerAndContinuesWhenItFires() {
      var interpreter =
          interpreter(
              """
              {'StartAt': 'W', 'States': {
                'W': {'Type': 'Wait', 'Seconds': 30, 'OutputPath': '$.keep', 'Next': 'P'},
                'P': {'Type': 'Pass', 'End': true}}}
              """);

      Step waiting = start(interpreter, "{'keep': {'k': 1}, 'drop': 2}");

      assertThat(timer(waiting)).isEqualTo(NOW.plusSeconds(30));
      assertThat(types(waiting)).containsExactly("WaitStateEntered");
      assertThat(waiting.token().phase()).isEqualTo(Phase.WAITING);

      Step after =
          interpreter.advance(
              waiting.token(),
              context(NOW.plusSeconds(30), new Random(1), StepContext.Limits.DEFAULT));

      assertThat(output(after)).isEqualTo(json("{'k': 1}"));
      assertThat(types(after))
          .containsExactly("WaitStateExited", "PassStateEntered", "PassStateExited");
    }

    @Test
    void goesStraightOnWhenTheTimestampHasPassed() {
      var interpreter =
          interpreter(
              "{'StartAt': 'W', 'States': {'W': {'Type': 'Wait', 'Timestamp': '2000-01-01T00:00:00Z', 'End': true}}}");

      Step step = start(interpreter, "{'a': 1}");

      assertThat(output(step)).isEqualTo(json("{'a': 1}"));
      assertThat(types(step)).containsExactly("WaitStateEntered", "WaitStateExited");
    }

    @Test
    void readsSecondsFromThePath() {
      var interpreter =
          interpreter(
              "{'StartAt': 'W', 'States': {'W': {'Type': 'Wait', 'SecondsPath': '$.s', 'End': true}}}");

      assertThat(timer(start(interpreter, "{'s': 5}"))).isEqualTo(NOW.plusSeconds(5));
      assertThat(failed(start(interpreter, "{'s': -5}")).error()).isEqualTo("States.Runtime");
    }
  }

  @Nested
  class Task {
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
          interpreter.advance(
              interpreter.startToken(Map.of()), context(NOW, new Random(1), limits));

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
            interpreter.afterTask(
                step.token(), new TaskOutcome.Failed("MyError", "boom"), context());
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
      assertThat(types(caught))
          .containsExactly("TaskFailed", "PassStateEntered", "PassStateExited");
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

  @Nested
  class ParallelAndMap {
    @Test
    void forksOneChildPerBranchAndJoinsInOrder() {
      var interpreter =
          interpreter(
              """
              {'StartAt': 'P', 'States': {
                'P': {'Type': 'Parallel', 'InputPath': '$.in', 'ResultPath': '$.results', 'End': true, 'Branches': [
                  {'StartAt': 'B0', 'States': {'B0': {'Type': 'Pass', 'End': true}}},
                  {'StartAt': 'B1', 'States': {'B1': {'Type': 'Pass', 'End': true}}},
                  {'StartAt': 'B2', 'States': {'B2': {'Type': 'Pass', 'End': true}}}]}}}
              """);

      Step forked = start(interpreter, "{'in': {'v': 1}}");
      var fork = fork(forked);

      assertThat(fork.children()).extracting(Token::state).containsExactly("B0", "B1", "B2");
      assertThat(fork.children()).extracting(Token::input).containsOnly(json("{'v': 1}"));
      assertThat(fork.plan().maxConcurrency()).isZero();
      assertThat(types(forked)).containsExactly("ParallelStateEntered", "ParallelStateStarted");

      Step child = interpreter.advance(fork.children().get(1), context());
      assertThat(output(child)).isEqualTo(json("{'v': 1}"));

      Step joined = interpreter.afterChildren(forked.token(), List.of("a", "b", "c"), context());

      assertThat(output(joined)).isEqualTo(json("{'in': {'v': 1}, 'results': ['a', 'b', 'c']}"));
      assertThat(types(joined)).containsExactly("ParallelStateSucceeded", "ParallelStateExited");
    }

    @Test
    void forksOneChildPerItemWithTheItemSelector() {
      var interpreter =
          interpreter(
              """
              {'StartAt': 'M', 'States': {
                'M': {'Type': 'Map', 'ItemsPath': '$.items', 'MaxConcurrency': 2, 'End': true,
                      'ItemSelector': {'index.$': '$$.Map.Item.Index', 'value.$': '$$.Map.Item.Value', 'shared.$': '$.shared'},
                      'ItemProcessor': {'StartAt': 'I', 'States': {'I': {'Type': 'Pass', 'End': true}}}}}}
              """);

      Step forked = start(interpreter, "{'items': ['a', 'b', 'c'], 'shared': 's'}");
      var fork = fork(forked);

      assertThat(fork.plan().maxConcurrency()).isEqualTo(2);
      assertThat(fork.children()).extracting(Token::state).containsOnly("I");
      assertThat(fork.children())
          .extracting(Token::input)
          .containsExactly(
              json("{'index': 0, 'value': 'a', 'shared': 's'}"),
              json("{'index': 1, 'value': 'b', 'shared': 's'}"),
              json("{'index': 2, 'value': 'c', 'shared': 's'}"));
      assertThat(forked.events().get(1))
          .isEqualTo(new Event("MapStateStarted", Map.of("length", 3)));

      Step joined = interpreter.afterChildren(forked.token(), List.of(1, 2, 3), context());

      assertThat(output(joined)).isEqualTo(List.of(1, 2, 3));
    }

    @Test
    void finishesAnEmptyMapAtOnce() {
      var interpreter =
          interpreter(
              """
              {'StartAt': 'M', 'States': {
                'M': {'Type': 'Map', 'ItemsPath': '$.items', 'ResultPath': '$.out', 'Next': 'Done',
                      'ItemProcessor': {'StartAt': 'I', 'States': {'I': {'Type': 'Pass', 'End': true}}}},
                'Done': {'Type': 'Succeed'}}}
              """);

      Step step = start(interpreter, "{'items': []}");

      assertThat(output(step)).isEqualTo(json("{'items': [], 'out': []}"));
      assertThat(types(step))
          .containsExactly(
              "MapStateEntered",
              "MapStateStarted",
              "MapStateSucceeded",
              "MapStateExited",
              "SucceedStateEntered",
              "SucceedStateExited");
    }

    @Test
    void failsWhenTheItemsAreNotAnArray() {
      var interpreter =
          interpreter(
              "{'StartAt': 'M', 'States': {'M': {'Type': 'Map', 'End': true,"
                  + " 'ItemProcessor': {'StartAt': 'I', 'States': {'I': {'Type': 'Pass', 'End': true}}}}}}");

      assertThat(failed(start(interpreter, "{'not': 'an array'}")).error())
          .isEqualTo("States.Runtime");
    }

    @Test
    void catchesAFailedChild() {
      var interpreter =
          interpreter(
              """
              {'StartAt': 'P', 'States': {
                'P': {'Type': 'Parallel', 'Next': 'Done',
                      'Catch': [{'ErrorEquals': ['Branch.Error'], 'ResultPath': '$.err', 'Next': 'Recover'}],
                      'Branches': [{'StartAt': 'B', 'States': {'B': {'Type': 'Fail', 'Error': 'Branch.Error'}}}]},
                'Recover': {'Type': 'Pass', 'End': true},
                'Done': {'Type': 'Succeed'}}}
              """);
      Step forked = start(interpreter, "{'x': 1}");

      Step child = interpreter.advance(fork(forked).children().getFirst(), context());
      var failure = failed(child);
      Step caught =
          interpreter.afterChildFailed(forked.token(), failure.error(), "it broke", context());

      assertThat(output(caught))
          .isEqualTo(json("{'x': 1, 'err': {'Error': 'Branch.Error', 'Cause': 'it broke'}}"));
      assertThat(types(caught))
          .containsExactly("ParallelStateFailed", "PassStateEntered", "PassStateExited");
    }

    @Test
    void failsWithTheChildsErrorWhenNothingCatchesIt() {
      var interpreter =
          interpreter(
              """
              {'StartAt': 'M', 'States': {
                'M': {'Type': 'Map', 'End': true,
                      'Catch': [{'ErrorEquals': ['Other'], 'Next': 'M'}],
                      'ItemProcessor': {'StartAt': 'I', 'States': {'I': {'Type': 'Pass', 'End': true}}}}}}
              """);
      Step forked = start(interpreter, "[1]");

      Step step = interpreter.afterChildFailed(forked.token(), "Child.Error", "cause", context());

      assertThat(failed(step)).isEqualTo(new Effect.Failed("Child.Error", "cause"));
      assertThat(types(step)).containsExactly("MapStateFailed");
    }
  }
}
