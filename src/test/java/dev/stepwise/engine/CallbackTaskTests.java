package dev.stepwise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.Json;
import dev.stepwise.asl.parse.AslParser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Task states that hand out a task token and wait for a callback, driven without a runtime. */
class CallbackTaskTests {
  private static final Instant NOW = Instant.parse("2030-01-01T00:00:10Z");
  private static final ExecutionInfo EXECUTION =
      new ExecutionInfo("exec-1", "run-1", Map.of(), NOW, "machine", 1, 0);

  private static StepContext context(long seed) {
    return new StepContext(EXECUTION, NOW, new Random(seed), 1, StepContext.Limits.DEFAULT);
  }

  private static Interpreter interpreter(String singleQuoted) {
    var result = AslParser.parse(singleQuoted.replace('\'', '"'));
    assertThat(result.diagnostics()).isEmpty();
    return new Interpreter(result.stateMachine());
  }

  private static Step start(Interpreter interpreter, long seed) {
    return interpreter.advance(interpreter.startToken(Map.of("order", 7)), context(seed));
  }

  private static TaskRequest dispatched(Step step) {
    assertThat(step.effect()).isInstanceOf(Effect.Dispatch.class);
    return ((Effect.Dispatch) step.effect()).request();
  }

  private static final String APPROVAL =
      """
      {'StartAt': 'Approve', 'States': {
        'Approve': {'Type': 'Task', 'Resource': 'http://svc/approve.waitForTaskToken',
                    'Parameters': {'token.$': '$$.Task.Token', 'order.$': '$.order'},
                    'TimeoutSeconds': 300, 'HeartbeatSeconds': 20,
                    'Catch': [{'ErrorEquals': ['States.HeartbeatTimeout'], 'Next': 'Stale'}],
                    'End': true},
        'Stale': {'Type': 'Pass', 'Result': 'stale', 'End': true}}}
      """;

  @Test
  void theTaskTokenIsInTheParametersAndTheDispatchAndTheWaitingToken() {
    Step step = start(interpreter(APPROVAL), 1);
    TaskRequest request = dispatched(step);

    String token = request.callback().taskToken();
    assertThat(token).matches("[A-Za-z0-9_-]{43}");
    assertThat(request.payload()).isEqualTo(Map.of("token", token, "order", 7));
    assertThat(step.token().phase()).isEqualTo(Phase.TASK);
    assertThat(step.token().pending()).isEqualTo(token);
    assertThat(request.callback().timeout()).isEqualTo(Duration.ofSeconds(300));
    assertThat(request.callback().heartbeat()).isEqualTo(Duration.ofSeconds(20));
    assertThat(request.callback().activity()).isNull();
    // Delivering the token is an ordinary request, bounded by the default request timeout.
    assertThat(request.timeout()).isEqualTo(StepContext.Limits.DEFAULT.defaultTaskTimeout());
    Event scheduled = step.events().getLast();
    assertThat(scheduled.type()).isEqualTo("TaskScheduled");
    assertThat(scheduled.details())
        .containsEntry("timeoutInSeconds", 300L)
        .containsEntry("heartbeatInSeconds", 20L);
  }

  @Test
  void everyEntryGetsItsOwnToken() {
    var interpreter = interpreter(APPROVAL);

    String first = dispatched(start(interpreter, 1)).callback().taskToken();
    String second = dispatched(start(interpreter, 2)).callback().taskToken();

    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void aStoredWaitingTokenKeepsItsTaskToken() {
    Step step = start(interpreter(APPROVAL), 1);

    Token stored = Json.mapper().readValue(Json.write(step.token()), Token.class);

    assertThat(stored.pending()).isEqualTo(dispatched(step).callback().taskToken());
  }

  @Test
  void aHeartbeatTimeoutIsATimedOutTaskThatCatchersNameExplicitly() {
    var interpreter = interpreter(APPROVAL);
    Step waiting = start(interpreter, 1);

    Step caught =
        interpreter.afterTask(
            waiting.token(),
            new TaskOutcome.Failed("States.HeartbeatTimeout", "no heartbeat"),
            context(1));

    assertThat(caught.events().stream().map(Event::type).toList())
        .containsExactly("TaskTimedOut", "PassStateEntered", "PassStateExited");
    assertThat(((Effect.Finished) caught.effect()).output()).isEqualTo("stale");
  }

  @Test
  void withoutTimeoutSecondsTheCallbackWaitsWithoutLimitAsOnAws() {
    var interpreter =
        interpreter(
            "{'StartAt': 'T', 'States': {'T': {'Type': 'Task', 'End': true,"
                + " 'Resource': 'arn:aws:lambda:us-east-1:1:function:f.waitForTaskToken'}}}");

    Step step = start(interpreter, 1);

    assertThat(dispatched(step).callback().timeout()).isNull();
    assertThat(dispatched(step).callback().heartbeat()).isNull();
    assertThat(step.events().getLast().details()).containsEntry("timeoutInSeconds", 99_999_999L);
  }

  @Test
  void heartbeatSecondsPathIsReadFromTheInput() {
    var interpreter =
        interpreter(
            "{'StartAt': 'T', 'States': {'T': {'Type': 'Task', 'End': true,"
                + " 'Resource': 'http://svc/x.waitForTaskToken', 'HeartbeatSecondsPath': '$.order'}}}");

    assertThat(dispatched(start(interpreter, 1)).callback().heartbeat())
        .isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void jsonataArgumentsReadTheTokenFromTheContext() {
    var interpreter =
        interpreter(
            """
            {'QueryLanguage': 'JSONata', 'StartAt': 'T', 'States': {
              'T': {'Type': 'Task', 'Resource': 'http://svc/x.waitForTaskToken', 'End': true,
                    'Arguments': {'token': '{% $states.context.Task.Token %}'},
                    'HeartbeatSeconds': '{% 3 + 2 %}'}}}
            """);

    TaskRequest request = dispatched(start(interpreter, 1));

    assertThat(request.payload()).isEqualTo(Map.of("token", request.callback().taskToken()));
    assertThat(request.callback().heartbeat()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void anActivityArnWaitsForTheActivitysWorkers() {
    var interpreter =
        interpreter(
            "{'StartAt': 'T', 'States': {'T': {'Type': 'Task', 'End': true,"
                + " 'Resource': 'arn:aws:states:eu-west-1:123456789012:activity:review-order'}}}");

    Step step = start(interpreter, 1);
    TaskRequest request = dispatched(step);

    assertThat(request.callback().activity()).isEqualTo("review-order");
    assertThat(request.callback().taskToken()).isNotBlank();
    Step done = interpreter.afterTask(step.token(), new TaskOutcome.Succeeded("ok"), context(1));
    assertThat(step.events().getLast().type()).isEqualTo("ActivityScheduled");
    assertThat(done.events().getFirst().type()).isEqualTo("ActivitySucceeded");
  }

  @Test
  void anOrdinaryTaskHasNoTokenAndNoHeartbeat() {
    var interpreter =
        interpreter(
            "{'StartAt': 'T', 'States': {'T': {'Type': 'Task', 'End': true,"
                + " 'Resource': 'http://svc/x', 'HeartbeatSecondsPath': '$.missing'}}}");

    Step step = start(interpreter, 1);

    assertThat(dispatched(step).callback()).isNull();
    assertThat(step.token().pending()).isNull();
    assertThat(List.copyOf(step.events().getLast().details().keySet()))
        .doesNotContain("heartbeatInSeconds");
  }
}
