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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The interpreter on Choice states (the branch taken) and Wait states (the timer asked for). */
class InterpreterChoiceAndWaitTests {
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
}
