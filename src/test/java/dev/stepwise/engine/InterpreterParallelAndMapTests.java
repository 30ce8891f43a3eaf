package dev.stepwise.engine;

import static dev.stepwise.engine.InterpreterSupport.context;
import static dev.stepwise.engine.InterpreterSupport.failed;
import static dev.stepwise.engine.InterpreterSupport.interpreter;
import static dev.stepwise.engine.InterpreterSupport.json;
import static dev.stepwise.engine.InterpreterSupport.output;
import static dev.stepwise.engine.InterpreterSupport.start;
import static dev.stepwise.engine.InterpreterSupport.types;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The interpreter on Parallel and Map states: the forks it starts and how their results join. */
class InterpreterParallelAndMapTests {
  private static Effect.StartFork fork(Step step) {
    assertThat(step.effect()).isInstanceOf(Effect.StartFork.class);
    assertThat(step.token().phase()).isEqualTo(Phase.FORK);
    return (Effect.StartFork) step.effect();
  }

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
    assertThat(forked.events().get(1)).isEqualTo(new Event("MapStateStarted", Map.of("length", 3)));

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
