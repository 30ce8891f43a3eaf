package dev.stepwise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.Json;
import dev.stepwise.asl.parse.AslParser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A distributed Map asks the runtime for a map run; its settings are resolved at the start. */
class DistributedMapInterpreterTests {
  private static final ExecutionInfo EXECUTION =
      new ExecutionInfo("exec-1", "run-1", Map.of(), Instant.EPOCH, "machine", 1, 0);

  private static Interpreter interpreter(String fields) {
    String definition =
        ("{'StartAt': 'M', 'States': {'M': {'Type': 'Map', 'End': true, 'Assign': {'outer': 1}, "
                + fields
                + " 'ItemProcessor': {'ProcessorConfig': {'Mode': 'DISTRIBUTED', 'ExecutionType': 'STANDARD'},"
                + " 'StartAt': 'I', 'States': {'I': {'Type': 'Pass', 'End': true}}}}}}")
            .replace('\'', '"');
    var result = AslParser.parse(definition);
    assertThat(result.diagnostics()).isEmpty();
    return new Interpreter(result.stateMachine());
  }

  private static StepContext context() {
    return new StepContext(EXECUTION, Instant.EPOCH, new Random(1), 1, StepContext.Limits.DEFAULT);
  }

  private static Step start(Interpreter interpreter, String input) {
    var token = Token.start("", "M", Json.parse(input.replace('\'', '"')), Map.of("v", 1));
    return interpreter.advance(token, context());
  }

  @Test
  void startsAMapRunWhoseChildrenBeginInTheItemProcessor() {
    var interpreter =
        interpreter(
            "'Label': 'Each', 'MaxConcurrency': 2, 'ToleratedFailureCountPath': '$.count', 'ItemsPath': '$.items',");
    Step step = start(interpreter, "{'items': ['a', 'b', 'c'], 'count': 1}");

    var run = (Effect.StartFork) step.effect();
    assertThat(run.plan())
        .isEqualTo(new Fork.Plan(Fork.Kind.DISTRIBUTED_MAP, "M", "Each", 3, 2, 1L, null));
    assertThat(run.children()).extracting(Token::scope).containsOnly("M");
    assertThat(run.children()).extracting(Token::state).containsOnly("I");
    assertThat(run.children()).extracting(Token::input).containsExactly("a", "b", "c");
    // A child execution does not see the parent's variables.
    assertThat(run.children()).extracting(Token::variables).containsOnly(Map.of());
    // The run survives the token's JSON round trip, as the runtime stores it.
    Token stored = Json.mapper().readValue(Json.write(step.token()), Token.class);
    assertThat(interpreter.forkPlan(stored)).isEqualTo(run.plan());
  }

  @Test
  void batchesItemsByCountAndSizeAfterTheReaderLimit() {
    var interpreter =
        interpreter(
            "'ItemReader': {'ReaderConfig': {'MaxItems': 5}},"
                + " 'ItemBatcher': {'MaxItemsPerBatch': 3, 'MaxInputBytesPerBatch': 16, 'BatchInput': {'k': 'v'}},");
    // The items array is measured: ["bbbbbb","c"] has 14 bytes, ["bbbbbb","c","d"] 18.
    Step step = start(interpreter, "['aaaaaa', 'bbbbbb', 'c', 'd', 'e', 'f']");

    var run = (Effect.StartFork) step.effect();
    assertThat(run.children())
        .extracting(Token::input)
        .containsExactly(
            Map.of("BatchInput", Map.of("k", "v"), "Items", List.of("aaaaaa")),
            Map.of("BatchInput", Map.of("k", "v"), "Items", List.of("bbbbbb", "c")),
            Map.of("BatchInput", Map.of("k", "v"), "Items", List.of("d", "e")));
    assertThat(run.plan().children()).isEqualTo(3);
  }

  @Test
  void aPathToANonIntegerFailsTheStateWithStatesRuntime() {
    Step step =
        start(
            interpreter("'ToleratedFailureCountPath': '$.count', 'ItemsPath': '$.items',"),
            "{'items': [1], 'count': 'x'}");
    assertThat(((Effect.Failed) step.effect()).error()).isEqualTo("States.Runtime");
  }

  @Test
  void toleranceFollowsAwsThresholds() {
    assertThat(plan(null, null).exceeded(1)).isTrue();
    assertThat(plan(1L, null).exceeded(1)).isFalse();
    assertThat(plan(1L, null).exceeded(2)).isTrue();
    assertThat(plan(null, 50.0).exceeded(2)).isFalse();
    assertThat(plan(null, 50.0).exceeded(3)).isTrue();
    assertThat(plan(3L, 25.0).exceeded(2)).isTrue();
  }

  private static Fork.Plan plan(Long count, Double percentage) {
    return new Fork.Plan(Fork.Kind.DISTRIBUTED_MAP, "M", "L", 4, 0, count, percentage);
  }

  @Test
  void joinsFailedChildrenWithinToleranceAsErrorOutputs() {
    var interpreter = interpreter("'ToleratedFailureCount': 1,");
    Step started = start(interpreter, "[1, 2]");
    var error = Map.of("Error", "E", "Cause", "c");

    Step joined = interpreter.afterChildren(started.token(), List.of(error, 2), context());

    assertThat(((Effect.Finished) joined.effect()).output()).isEqualTo(List.of(error, 2));
    Step failed =
        interpreter.afterChildFailed(started.token(), Fork.EXCEEDED, "too many", context());
    assertThat(((Effect.Failed) failed.effect()).error())
        .isEqualTo("States.ExceedToleratedFailureThreshold");
  }

  @Test
  void runsAMapRunInMemoryAsTheRuntimeWould() {
    String definition =
        """
        {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ToleratedFailurePercentage": 34,
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
            "StartAt": "Two?", "States": {
              "Two?": {"Type": "Choice", "Choices": [{"Variable": "$", "NumericEquals": 2, "Next": "Fail"}], "Default": "Ok"},
              "Fail": {"Type": "Fail", "Error": "Two", "Cause": "is two"},
              "Ok": {"Type": "Pass", "End": true}}}}}}
        """;

    var within = (Effect.Finished) Runner.run(definition, "[1, 2, 3]");
    var beyond = (Effect.Failed) Runner.run(definition, "[2, 2, 3]");

    assertThat(within.output()).isEqualTo(List.of(1, Map.of("Error", "Two", "Cause", "is two"), 3));
    assertThat(beyond.error()).isEqualTo(Fork.EXCEEDED);
  }
}
