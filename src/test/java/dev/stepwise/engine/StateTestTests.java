package dev.stepwise.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.asl.Json;
import dev.stepwise.asl.parse.AslParser;
import dev.stepwise.engine.StateTest.Progress;
import dev.stepwise.engine.StateTestResult.Status;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** One state run on its own, as TestState runs it: outputs, next states and inspection data. */
class StateTestTests {
  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

  private static Object json(String singleQuoted) {
    return Json.parse(singleQuoted.replace('\'', '"'));
  }

  /** A state machine whose first state is {@code state} (named S), followed by Pass states. */
  private static StateTest test(String state, String... others) {
    var states = new StringBuilder("{'S': " + state);
    for (String other : others) states.append(", '").append(other).append("': {'Type': 'Pass'}");
    var parsed =
        AslParser.parse(("{'StartAt': 'S', 'States': " + states + "}}").replace('\'', '"'));
    assertThat(parsed.diagnostics()).isEmpty();
    return StateTest.of(parsed.stateMachine(), "S");
  }

  private static StepContext context() {
    var execution = new ExecutionInfo("exec-1", "run-1", Map.of(), NOW, "machine", 1, 0);
    return new StepContext(execution, NOW, new Random(7), 0, StepContext.Limits.DEFAULT);
  }

  private static Progress start(StateTest test, String input) {
    return test.start(new StateTest.Setup(json(input), Map.of(), Map.of(), 0), context());
  }

  private static StateTestResult ended(Progress progress) {
    assertThat(progress).isInstanceOf(Progress.Ended.class);
    return ((Progress.Ended) progress).result();
  }

  private static TaskRequest task(Progress progress) {
    assertThat(progress).isInstanceOf(Progress.CallsTask.class);
    return ((Progress.CallsTask) progress).request();
  }

  @Test
  void passShowsEachStepOfItsInputAndOutputProcessing() {
    var test =
        test(
            "{'Type': 'Pass', 'InputPath': '$.order', 'Parameters': {'id.$': '$.id', 'kind': 'x'},"
                + " 'ResultPath': '$.made', 'Next': 'T'}",
            "T");

    var result = ended(start(test, "{'order': {'id': 7, 'qty': 2}, 'other': 1}"));

    assertThat(result.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(result.nextState()).isEqualTo("T");
    assertThat(result.output())
        .isEqualTo(
            json("{'order': {'id': 7, 'qty': 2}, 'other': 1, 'made': {'id': 7, 'kind': 'x'}}"));
    assertThat(result.inspection())
        .containsExactly(
            Map.entry(Inspected.INPUT, json("{'order': {'id': 7, 'qty': 2}, 'other': 1}")),
            Map.entry(Inspected.AFTER_INPUT_PATH, json("{'id': 7, 'qty': 2}")),
            Map.entry(Inspected.AFTER_PARAMETERS, json("{'id': 7, 'kind': 'x'}")),
            Map.entry(Inspected.AFTER_RESULT_SELECTOR, json("{'id': 7, 'kind': 'x'}")),
            Map.entry(Inspected.AFTER_RESULT_PATH, result.output()));
    assertThat(result.errorDetails()).isNull();
  }

  @Test
  void aPassStateWithAResultShowsItAsTheResult() {
    var test = test("{'Type': 'Pass', 'Result': {'r': 1}, 'ResultPath': '$.r', 'End': true}");

    var result = ended(start(test, "{'a': 1}"));

    assertThat(result.nextState()).isNull();
    assertThat(result.output()).isEqualTo(json("{'a': 1, 'r': {'r': 1}}"));
    assertThat(result.inspection())
        .containsEntry(Inspected.RESULT, json("{'r': 1}"))
        .doesNotContainKey(Inspected.AFTER_INPUT_PATH);
  }

  @Test
  void jsonataTaskShowsItsArgumentsResultAndVariables() {
    var test =
        test(
            "{'Type': 'Task', 'QueryLanguage': 'JSONata', 'Resource': 'http://svc/price',"
                + " 'Arguments': {'sku': '{% $states.input.sku %}', 'factor': '{% $factor %}'},"
                + " 'Output': {'total': '{% $states.result.price * 2 %}'},"
                + " 'Assign': {'last': '{% $states.result.price %}'}, 'Next': 'T'}",
            "T");

    Progress progress =
        test.start(
            new StateTest.Setup(json("{'sku': 'A1'}"), Map.of("factor", 3), Map.of(), 0),
            context());
    TaskRequest request = task(progress);
    var result = ended(test.afterTask(new TaskOutcome.Succeeded(json("{'price': 21}"))));

    assertThat(request.payload()).isEqualTo(json("{'sku': 'A1', 'factor': 3}"));
    assertThat(result.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(result.output()).isEqualTo(json("{'total': 42}"));
    assertThat(result.nextState()).isEqualTo("T");
    assertThat(result.inspection())
        .containsEntry(Inspected.AFTER_ARGUMENTS, json("{'sku': 'A1', 'factor': 3}"))
        .containsEntry(Inspected.RESULT, json("{'price': 21}"))
        .containsEntry(Inspected.VARIABLES, json("{'factor': 3, 'last': 21}"))
        .doesNotContainKeys(Inspected.AFTER_INPUT_PATH, Inspected.AFTER_PARAMETERS);
  }

  @Test
  void jsonataPassShowsItsOutputAndAssignedVariables() {
    var test =
        test(
            "{'Type': 'Pass', 'QueryLanguage': 'JSONata', 'Output': '{% $states.input.n + 1 %}',"
                + " 'Assign': {'seen': '{% $states.input.n %}'}, 'End': true}");

    var result = ended(start(test, "{'n': 4}"));

    assertThat(result.output()).isEqualTo(5);
    assertThat(result.inspection()).containsEntry(Inspected.VARIABLES, Map.of("seen", 4));
  }

  @Test
  void choiceNamesTheBranchItChoseAsTheNextState() {
    String choice =
        "{'Type': 'Choice', 'InputPath': '$.v', 'Choices': ["
            + "{'Variable': '$', 'NumericGreaterThan': 10, 'Next': 'Big'}], 'Default': 'Small'}";

    var big = ended(start(test(choice, "Big", "Small"), "{'v': 12}"));
    var small = ended(start(test(choice, "Big", "Small"), "{'v': 3}"));

    assertThat(big.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(big.nextState()).isEqualTo("Big");
    assertThat(big.output()).isEqualTo(12);
    assertThat(big.inspection()).containsEntry(Inspected.AFTER_INPUT_PATH, 12);
    assertThat(small.nextState()).isEqualTo("Small");
  }

  @Test
  void aChoiceWithoutAMatchFails() {
    var test =
        test(
            "{'Type': 'Choice', 'Choices': [{'Variable': '$.v', 'IsNull': true, 'Next': 'T'}]}",
            "T");

    var result = ended(start(test, "{'v': 1}"));

    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.error()).isEqualTo("States.NoChoiceMatched");
  }

  @Test
  void failEndsWithItsErrorAndCause() {
    var test = test("{'Type': 'Fail', 'Error': 'Bad', 'CausePath': '$.why'}");

    var result = ended(start(test, "{'why': 'because'}"));

    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.error()).isEqualTo("Bad");
    assertThat(result.cause()).isEqualTo("because");
    assertThat(result.hasOutput()).isFalse();
    assertThat(result.nextState()).isNull();
  }

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
  void aTaskWithAMockedResultShowsItsResultSelectorAndResultPath() {
    var test =
        test(
            "{'Type': 'Task', 'Resource': 'http://svc/price', 'InputPath': '$.item',"
                + " 'Parameters': {'sku.$': '$.sku'}, 'ResultSelector': {'cents.$': '$.price'},"
                + " 'ResultPath': '$.quote', 'OutputPath': '$.quote', 'Next': 'T'}",
            "T");

    TaskRequest request = task(start(test, "{'item': {'sku': 'A1'}}"));
    var result = ended(test.afterTask(new TaskOutcome.Succeeded(json("{'price': 250, 'x': 0}"))));

    assertThat(request.payload()).isEqualTo(Map.of("sku", "A1"));
    assertThat(result.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(result.output()).isEqualTo(Map.of("cents", 250));
    assertThat(result.nextState()).isEqualTo("T");
    assertThat(result.inspection())
        .containsExactly(
            Map.entry(Inspected.INPUT, json("{'item': {'sku': 'A1'}}")),
            Map.entry(Inspected.AFTER_INPUT_PATH, Map.of("sku", "A1")),
            Map.entry(Inspected.AFTER_PARAMETERS, Map.of("sku", "A1")),
            Map.entry(Inspected.RESULT, json("{'price': 250, 'x': 0}")),
            Map.entry(Inspected.AFTER_RESULT_SELECTOR, Map.of("cents", 250)),
            Map.entry(
                Inspected.AFTER_RESULT_PATH,
                json("{'item': {'sku': 'A1'}, 'quote': {'cents': 250}}")));
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

  @Test
  void aWaitStateDoesNotWait() {
    var test = test("{'Type': 'Wait', 'Seconds': 3600, 'OutputPath': '$.a', 'Next': 'T'}", "T");

    var result = ended(start(test, "{'a': [1]}"));

    assertThat(result.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(result.output()).isEqualTo(List.of(1));
    assertThat(result.nextState()).isEqualTo("T");
  }

  @Test
  void aParallelStateTakesItsBranchesOutputsFromTheCaller() {
    var test =
        test(
            "{'Type': 'Parallel', 'ResultSelector': {'first.$': '$[0]'}, 'End': true,"
                + " 'Branches': [{'StartAt': 'B', 'States': {'B': {'Type': 'Pass', 'End': true}}}]}");

    Progress forks = start(test, "{'x': 1}");
    assertThat(forks).isInstanceOf(Progress.Forks.class);
    var result = ended(test.afterChildren(List.of("a", "b")));

    assertThat(result.output()).isEqualTo(Map.of("first", "a"));
    assertThat(result.inspection())
        .containsEntry(Inspected.RESULT, List.of("a", "b"))
        .containsEntry(Inspected.AFTER_PARAMETERS, Map.of("x", 1));
  }

  @Test
  void aStateInsideABranchCanBeTestedAndAnUnknownOneCannot() {
    var parsed =
        AslParser.parse(
            ("{'StartAt': 'P', 'States': {'P': {'Type': 'Parallel', 'End': true, 'Branches': ["
                    + "{'StartAt': 'Inner', 'States': {'Inner': {'Type': 'Pass', 'Result': 1,"
                    + " 'End': true}}}]}}}")
                .replace('\'', '"'));

    var result =
        ended(
            StateTest.of(parsed.stateMachine(), "Inner")
                .start(new StateTest.Setup(Map.of(), Map.of(), Map.of(), 0), context()));

    assertThat(result.output()).isEqualTo(1);
    assertThatThrownBy(() -> StateTest.of(parsed.stateMachine(), "Nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Nope'");
  }
}
