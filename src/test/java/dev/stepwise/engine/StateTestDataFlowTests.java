package dev.stepwise.engine;

import static dev.stepwise.engine.StateTestSupport.context;
import static dev.stepwise.engine.StateTestSupport.ended;
import static dev.stepwise.engine.StateTestSupport.json;
import static dev.stepwise.engine.StateTestSupport.start;
import static dev.stepwise.engine.StateTestSupport.task;
import static dev.stepwise.engine.StateTestSupport.test;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.engine.StateTest.Progress;
import dev.stepwise.engine.StateTestResult.Status;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One state run on its own, as TestState runs it: the input and output processing of Pass and Task
 * states, JSONPath and JSONata.
 */
class StateTestDataFlowTests {
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
}
