package dev.stepwise.teststate;

import dev.stepwise.asl.Uuids;
import dev.stepwise.engine.ExecutionInfo;
import dev.stepwise.engine.Fork;
import dev.stepwise.engine.StateTest;
import dev.stepwise.engine.StateTest.Progress;
import dev.stepwise.engine.StepContext;
import dev.stepwise.engine.TaskOutcome;
import dev.stepwise.engine.TaskRequest;
import dev.stepwise.task.HttpExchange;
import dev.stepwise.task.HttpTaskDispatcher;
import dev.stepwise.task.HttpTaskDispatcher.CallContext;
import dev.stepwise.task.TaskProperties;
import dev.stepwise.task.TracedOutcome;
import dev.stepwise.teststate.TestStateRequest.MockInput;
import dev.stepwise.teststate.TestStateRequest.TestStateConfiguration;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * TestState: runs one state on its own and tells what it did (AWS's {@code states:TestState}). The
 * native REST API and the AWS wire API both call {@link #test}.
 *
 * <p>Nothing is stored: no execution, no history, no work item. A Task that is not mocked makes its
 * real HTTP call, once, directly from the request's thread, bounded by {@code
 * stepwise.test-state.call-timeout} (or the state's smaller {@code TimeoutSeconds}) and with its
 * answer read up to the payload limit; Retry is evaluated, never run.
 */
@Service
public class StateTester {
  // Task tokens of mocked callback Tasks come from it; otherwise it only jitters retry backoffs.
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String EXCEEDED_CAUSE =
      "The specified tolerated failure threshold was exceeded";

  private final HttpTaskDispatcher dispatcher;
  private final TestStateProperties properties;
  private final Clock clock;
  private final StepContext.Limits limits;

  StateTester(
      HttpTaskDispatcher dispatcher,
      TaskProperties tasks,
      TestStateProperties properties,
      Clock clock,
      @Value("${stepwise.limits.payload-bytes:262144}") int payloadBytes,
      @Value("${stepwise.limits.evaluation-timeout:5s}") Duration evaluationTimeout) {
    this.dispatcher = dispatcher;
    this.properties = properties;
    this.clock = clock;
    this.limits =
        new StepContext.Limits(
            payloadBytes,
            tasks.defaultTimeout(),
            StepContext.Limits.DEFAULT.maxStepsPerYield(),
            evaluationTimeout);
  }

  /**
   * Runs the request's state once and answers as AWS does.
   *
   * @throws InvalidTestStateRequest when the request cannot run (a bad definition or JSON text, an
   *     unknown state name, fields that do not go together)
   */
  public TestStateResponse test(TestStateRequest request) {
    var inputs =
        TestStateInputs.read(request, limits.payloadBytes(), properties.allowRevealSecrets());
    StateTest test = TestedDefinition.read(request.definition(), request.stateName());
    TestedStateRules.check(test.state(), inputs, request.stateConfiguration());
    Instant now = clock.instant();
    String executionId = Uuids.v4(RANDOM);
    var execution =
        new ExecutionInfo(executionId, executionId, inputs.input(), now, "TestState", 0, 0);
    var setup =
        new StateTest.Setup(
            inputs.input(), inputs.variables(), inputs.context(), inputs.retrierRetryCount());
    Progress progress = test.start(setup, new StepContext(execution, now, RANDOM, 0, limits));
    HttpExchange exchange = null;
    if (progress instanceof Progress.CallsTask calls) {
      if (inputs.mock() != null) {
        progress = test.afterTask(mocked(inputs.mock(), inputs.mockResult()));
      } else {
        TracedOutcome traced = call(calls.request(), executionId, inputs);
        exchange = traced.exchange();
        progress = test.afterTask(traced.outcome());
      }
    } else if (progress instanceof Progress.Forks forks) {
      progress = joined(test, forks.plan(), inputs, request.stateConfiguration());
    }
    if (!(progress instanceof Progress.Ended ended)) {
      throw new IllegalStateException("The tested state did not end: " + progress);
    }
    return InspectionAnswers.of(ended.result(), inputs.level(), exchange);
  }

  private static TaskOutcome mocked(MockInput mock, Object result) {
    return mock.errorOutput() != null
        ? new TaskOutcome.Failed(mock.errorOutput().error(), mock.errorOutput().cause())
        : new TaskOutcome.Succeeded(result);
  }

  /** The state's call, bounded; the attempt is the one after the retries the request says. */
  private TracedOutcome call(TaskRequest request, String executionId, TestStateInputs inputs) {
    Duration cap = properties.callTimeout();
    Duration timeout =
        request.timeout() == null || request.timeout().compareTo(cap) > 0 ? cap : request.timeout();
    int attempt = inputs.retrierRetryCount() + 1;
    var bounded =
        new TaskRequest(
            request.stateName(),
            request.resource(),
            request.payload(),
            attempt,
            timeout,
            request.callback());
    var context =
        new CallContext(executionId, executionId + "/" + request.stateName() + "/" + attempt);
    return dispatcher.trace(bounded, context, inputs.revealSecrets());
  }

  /**
   * A fork's end from the mock: its error, or its result; a distributed Map whose failed iterations
   * ({@code mapIterationFailureCount}) pass its tolerance fails as it would.
   */
  private static Progress joined(
      StateTest test,
      Fork.Plan plan,
      TestStateInputs inputs,
      TestStateConfiguration configuration) {
    MockInput mock = inputs.mock();
    if (mock.errorOutput() != null) {
      return test.afterChildFailed(mock.errorOutput().error(), mock.errorOutput().cause());
    }
    Integer failures = configuration == null ? null : configuration.mapIterationFailureCount();
    boolean tolerance =
        plan.toleratedFailureCount() != null || plan.toleratedFailurePercentage() != null;
    if (failures != null && tolerance && plan.exceeded(failures)) {
      return test.afterChildFailed(Fork.EXCEEDED, EXCEEDED_CAUSE);
    }
    @SuppressWarnings("unchecked")
    var outputs = (List<Object>) inputs.mockResult();
    return test.afterChildren(outputs);
  }
}
