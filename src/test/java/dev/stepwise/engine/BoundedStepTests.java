package dev.stepwise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A state whose expression goes past its bound fails with the AWS error, and Catch applies. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BoundedStepTests {
  private static final String PAD = "{% $length($pad('x', 3000000)) %}";

  @Test
  void aRunawayPadFailsTheStateWithQueryEvaluationError() {
    String definition =
        """
        {"QueryLanguage":"JSONata","StartAt":"W","States":{
          "W":{"Type":"Wait","Seconds":1,"Next":"P"},
          "P":{"Type":"Pass","Output":"%s","End":true}}}
        """
            .formatted(PAD);
    var failed = Runner.failure(definition, "{}");
    assertThat(failed.error()).isEqualTo("States.QueryEvaluationError");
    assertThat(failed.cause()).contains("'P'", "limit");
  }

  @Test
  void aCatchOnQueryEvaluationErrorCatchesIt() {
    String definition =
        """
        {"QueryLanguage":"JSONata","StartAt":"P","States":{
          "P":{"Type":"Parallel","Branches":[{"StartAt":"Q","States":{
                 "Q":{"Type":"Pass","Output":"%s","End":true}}}],
               "Catch":[{"ErrorEquals":["States.QueryEvaluationError"],"Next":"Caught",
                         "Output":"{%% $states.errorOutput.Error %%}"}],
               "End":true},
          "Caught":{"Type":"Pass","End":true}}}
        """
            .formatted(PAD);
    assertThat(Runner.output(definition, "{}")).isEqualTo("States.QueryEvaluationError");
  }

  @Test
  void anExpressionPastTheStepsEvaluationTimeFailsTheState() {
    var interpreter =
        new Interpreter(
            dev.stepwise.asl.parse.AslParser.parse(
                    """
                    {"QueryLanguage":"JSONata","StartAt":"A","States":{
                      "A":{"Type":"Pass","Output":"{% $reduce([1..20000], function($a, $i) { $a + $i }, 0) %}","Next":"B"},
                      "B":{"Type":"Pass","End":true}}}
                    """)
                .stateMachine());
    var limits =
        new StepContext.Limits(
            256 * 1024, java.time.Duration.ofSeconds(60), 1000, java.time.Duration.ofMillis(1));
    var execution = new ExecutionInfo("e", "r", Map.of(), java.time.Instant.EPOCH, "m", 1, 0);
    var context =
        new StepContext(execution, java.time.Instant.EPOCH, new java.util.Random(1), 1, limits);
    // stepwise.limits.evaluation-timeout reaches the expressions: with 1 ms, A cannot finish.
    Step step = interpreter.advance(interpreter.startToken(Map.of()), context);
    assertThat(step.effect()).isInstanceOf(Effect.Failed.class);
    assertThat(((Effect.Failed) step.effect()).error()).isEqualTo("States.QueryEvaluationError");
  }
}
