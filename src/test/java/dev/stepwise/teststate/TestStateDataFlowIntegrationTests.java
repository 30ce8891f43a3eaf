package dev.stepwise.teststate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * TestState on states that call nothing: the data flow as JSON values, JSON text where AWS takes
 * it, a state named in a whole state machine, and requests that cannot run.
 */
class TestStateDataFlowIntegrationTests extends CallsToTestState {
  @Test
  void aPassStateShowsItsDataFlowAsJsonValues() {
    var response =
        test(
            "{'definition': {'Type': 'Pass', 'InputPath': '$.order', 'Parameters': {'id.$': '$.id'},"
                + " 'ResultPath': '$.made', 'Next': 'Ship'},"
                + " 'input': {'order': {'id': 7}}, 'inspectionLevel': 'DEBUG'}");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json())
        .containsEntry("status", "SUCCEEDED")
        .containsEntry("nextState", "Ship")
        .containsEntry("output", json("{'order': {'id': 7}, 'made': {'id': 7}}"));
    assertThat(inspection(response))
        .containsEntry("input", json("{'order': {'id': 7}}"))
        .containsEntry("afterInputPath", Map.of("id", 7))
        .containsEntry("afterParameters", Map.of("id", 7))
        .containsEntry("afterResultPath", json("{'order': {'id': 7}, 'made': {'id': 7}}"));
  }

  @Test
  void jsonTextIsTakenWhereAwsTakesItAndInfoShowsNoInspection() {
    var body = new java.util.LinkedHashMap<String, Object>();
    body.put(
        "definition",
        "{\"Type\": \"Pass\", \"QueryLanguage\": \"JSONata\","
            + " \"Output\": \"{% $states.input.n * $k %}\", \"End\": true}");
    body.put("input", "{\"n\": 6}");
    body.put("variables", "{\"k\": 7}");

    var response = api.post("/v1/test-state", body);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json()).containsEntry("status", "SUCCEEDED").containsEntry("output", 42);
    assertThat(response.json()).doesNotContainKeys("inspectionData", "nextState");
  }

  @Test
  void aStateOfAWholeStateMachineIsNamedByStateName() {
    var response =
        test(
            "{'definition': {'StartAt': 'C', 'States': {"
                + "'C': {'Type': 'Choice', 'Choices': [{'Variable': '$.n', 'NumericLessThan': 0,"
                + " 'Next': 'Negative'}], 'Default': 'Positive'},"
                + "'Negative': {'Type': 'Succeed'}, 'Positive': {'Type': 'Succeed'}}},"
                + " 'stateName': 'C', 'input': {'n': -3}}");

    assertThat(response.json())
        .containsEntry("status", "SUCCEEDED")
        .containsEntry("nextState", "Negative");
  }

  @Test
  void requestsThatCannotRunAreClearBadRequests() {
    var invalid = test("{'definition': {'Type': 'Pass', 'Foo': 1, 'End': true}}");
    var machineWithoutName =
        test("{'definition': {'StartAt': 'A', 'States': {'A': {'Type': 'Pass', 'End': true}}}}");
    var unknownState =
        test(
            "{'definition': {'StartAt': 'A', 'States': {'A': {'Type': 'Pass', 'End': true}}},"
                + " 'stateName': 'B'}");
    var badInput = test("{'definition': {'Type': 'Pass', 'End': true}, 'input': '{oops'}");
    var parallelWithoutMock =
        test(
            "{'definition': {'Type': 'Parallel', 'End': true, 'Branches': [{'StartAt': 'B',"
                + " 'States': {'B': {'Type': 'Pass', 'End': true}}}]}}");
    var badLevel = test("{'definition': {'Type': 'Pass', 'End': true}, 'inspectionLevel': 'ALL'}");

    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json()).containsEntry("title", "Invalid definition");
    @SuppressWarnings("unchecked")
    var diagnostics = (List<Map<String, Object>>) invalid.json().get("diagnostics");
    assertThat(diagnostics).extracting(d -> d.get("location")).contains("/Foo");
    for (var response :
        List.of(machineWithoutName, unknownState, badInput, parallelWithoutMock, badLevel)) {
      assertThat(response.status()).isEqualTo(400);
      assertThat(response.header("Content-Type")).contains("application/problem+json");
    }
    assertThat((String) unknownState.json().get("detail")).contains("'B'");
    assertThat((String) badInput.json().get("detail")).contains("'input' is not valid JSON");
    assertThat((String) machineWithoutName.json().get("detail")).contains("stateName");
    assertThat((String) parallelWithoutMock.json().get("detail")).contains("mock");
  }
}
