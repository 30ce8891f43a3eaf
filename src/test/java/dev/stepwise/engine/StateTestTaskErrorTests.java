package dev.stepwise.engine;

import static dev.stepwise.engine.StateTestSupport.context;
import static dev.stepwise.engine.StateTestSupport.ended;
import static dev.stepwise.engine.StateTestSupport.json;
import static dev.stepwise.engine.StateTestSupport.task;
import static dev.stepwise.engine.StateTestSupport.test;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.engine.StateTestResult.Status;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One state run on its own, as TestState runs it: an error of a Task, retriable, caught or failing,
 * and the retry count in the context.
 */
class StateTestTaskErrorTests {
  private static final String RETRYING_TASK =
      "{'Type': 'Task', 'Resource': 'http://svc/work', 'Next': 'T',"
          + " 'Retry': [{'ErrorEquals': ['Other']},"
          + "           {'ErrorEquals': ['Flaky'], 'IntervalSeconds': 2, 'BackoffRate': 3,"
          + "            'MaxAttempts': 3}],"
          + " 'Catch': [{'ErrorEquals': ['Other'], 'Next': 'T'},"
          + "           {'ErrorEquals': ['States.ALL'], 'ResultPath': '$.error', 'Next': 'Handle'}]}";

  private static StateTestResult failTask(String task, String error, int retrierRetryCount) {
    var test = task.contains("Handle") ? test(task, "T", "Handle") : test(task);
    var setup = new StateTest.Setup(json("{'id': 1}"), Map.of(), Map.of(), retrierRetryCount);
    task(test.start(setup, context()));
    return ended(test.afterTask(new TaskOutcome.Failed(error, "it broke")));
  }

  @Test
  void anErrorARetrierWouldRetryIsRetriableWithItsIndexAndBackoff() {
    var result = failTask(RETRYING_TASK, "Flaky", 2);

    assertThat(result.status()).isEqualTo(Status.RETRIABLE);
    assertThat(result.error()).isEqualTo("Flaky");
    assertThat(result.cause()).isEqualTo("it broke");
    assertThat(result.hasOutput()).isFalse();
    assertThat(result.nextState()).isNull();
    // IntervalSeconds × BackoffRate^retries made: 2 × 3² = 18
    assertThat(result.errorDetails()).isEqualTo(new StateTestResult.ErrorDetails(null, 1, 18L));
  }

  @Test
  void anErrorWhoseRetrierIsExhaustedGoesToTheCatcher() {
    var result = failTask(RETRYING_TASK, "Flaky", 3);

    assertThat(result.status()).isEqualTo(Status.CAUGHT_ERROR);
    assertThat(result.error()).isEqualTo("Flaky");
    assertThat(result.nextState()).isEqualTo("Handle");
    assertThat(result.output())
        .isEqualTo(json("{'id': 1, 'error': {'Error': 'Flaky', 'Cause': 'it broke'}}"));
    assertThat(result.errorDetails()).isEqualTo(new StateTestResult.ErrorDetails(1, 1, null));
  }

  @Test
  void anErrorNoRetrierOrCatcherMatchesFails() {
    String task =
        "{'Type': 'Task', 'Resource': 'http://svc/work', 'End': true,"
            + " 'Retry': [{'ErrorEquals': ['Flaky'], 'MaxAttempts': 1}]}";

    var unmatched = failTask(task, "Fatal", 0);
    var exhausted = failTask(task, "Flaky", 1);

    assertThat(unmatched.status()).isEqualTo(Status.FAILED);
    assertThat(unmatched.error()).isEqualTo("Fatal");
    assertThat(unmatched.errorDetails()).isNull();
    assertThat(exhausted.status()).isEqualTo(Status.FAILED);
    assertThat(exhausted.errorDetails()).isEqualTo(new StateTestResult.ErrorDetails(null, 0, null));
  }

  @Test
  void theContextShowsTheRetryCountAndTheTestsOwnContext() {
    var test =
        test(
            "{'Type': 'Task', 'Resource': 'http://svc/work', 'End': true,"
                + " 'Parameters': {'retry.$': '$$.State.RetryCount', 'id.$': '$$.Execution.Id',"
                + "   'name.$': '$$.Execution.Name', 'item.$': '$$.Map.Item.Index'},"
                + " 'Retry': [{'ErrorEquals': ['A']}, {'ErrorEquals': ['B']}]}");
    var overlay = json("{'Execution': {'Id': 'mine'}, 'Map': {'Item': {'Index': 4}}}");
    @SuppressWarnings("unchecked")
    var setup = new StateTest.Setup(Map.of(), Map.of(), (Map<String, Object>) overlay, 2);

    TaskRequest request = task(test.start(setup, context()));

    assertThat(request.payload())
        .isEqualTo(json("{'retry': 2, 'id': 'mine', 'name': 'run-1', 'item': 4}"));
  }
}
