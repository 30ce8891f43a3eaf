package dev.stepwise.teststate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.Json;
import dev.stepwise.support.Api;
import dev.stepwise.support.StepwiseInstance;
import dev.stepwise.support.TestEndpoint;
import dev.stepwise.support.TestEndpoint.Answer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v1/test-state} against the real application: Task states call a real HTTP endpoint
 * (or take a mock), and nothing is stored. Definitions are written with single quotes.
 */
class TestStateIntegrationTests {
  static TestEndpoint endpoint;
  static StepwiseInstance stepwise;
  static Api api;

  @BeforeAll
  static void start() {
    endpoint = new TestEndpoint();
    endpoint.on("/price", call -> Answer.ok(Map.of("price", 250, "currency", "EUR")));
    endpoint.on("/broken", call -> new Answer(500, Map.of("error", "Overloaded", "cause", "busy")));
    endpoint.on(
        "/slow",
        call -> {
          try {
            Thread.sleep(Duration.ofSeconds(5)); // the endpoint is slow, not the test
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return Answer.ok(Map.of("late", true));
        });
    endpoint.echo("/secret");
    stepwise =
        StepwiseInstance.start(
            Map.of(
                "stepwise.tasks.routes[0].resource", "arn:aws:lambda:*:*:function:Secret",
                "stepwise.tasks.routes[0].url", endpoint.url("/secret"),
                "stepwise.tasks.routes[0].headers[Authorization]", "Bearer s3cret"));
    api = stepwise.api();
  }

  @AfterAll
  static void stop() {
    if (stepwise != null) stepwise.close();
    if (endpoint != null) endpoint.close();
  }

  private static Object json(String singleQuoted) {
    return Json.parse(singleQuoted.replace('\'', '"'));
  }

  private static Api.Response test(String singleQuotedBody) {
    return api.post("/v1/test-state", json(singleQuotedBody));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> inspection(Api.Response response) {
    return (Map<String, Object>) response.json().get("inspectionData");
  }

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
  void aTaskCallsItsEndpointOnceAndTraceShowsTheExchange() {
    String newest = newestExecution();
    int before = endpoint.calls("/price").size();

    var response =
        test(
            "{'definition': {'Type': 'Task', 'Resource': '"
                + endpoint.url("/price")
                + "', 'Parameters': {'sku.$': '$.sku'},"
                + " 'ResultSelector': {'cents.$': '$.price'}, 'ResultPath': '$.quote', 'End': true},"
                + " 'input': {'sku': 'A1'}, 'inspectionLevel': 'TRACE'}");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json())
        .containsEntry("status", "SUCCEEDED")
        .containsEntry("output", json("{'sku': 'A1', 'quote': {'cents': 250}}"))
        .doesNotContainKey("nextState");
    var inspection = inspection(response);
    assertThat(inspection)
        .containsEntry("afterParameters", Map.of("sku", "A1"))
        .containsEntry("result", Map.of("price", 250, "currency", "EUR"))
        .containsEntry("afterResultSelector", Map.of("cents", 250));
    @SuppressWarnings("unchecked")
    var request = (Map<String, Object>) inspection.get("request");
    assertThat(request)
        .containsEntry("protocol", "HTTP/1.1")
        .containsEntry("method", "POST")
        .containsEntry("url", endpoint.url("/price"))
        .containsEntry("body", "{\"sku\":\"A1\"}");
    assertThat(request.get("headers").toString())
        .contains("Stepwise-State-Name", "application/json");
    @SuppressWarnings("unchecked")
    var answer = (Map<String, Object>) inspection.get("response");
    assertThat(answer)
        .containsEntry("statusCode", 200)
        .containsEntry("statusMessage", "OK")
        .containsEntry("body", answerBody());
    var calls = endpoint.calls("/price");
    assertThat(calls).hasSize(before + 1);
    assertThat(calls.getLast().body()).isEqualTo(Map.of("sku", "A1"));
    assertThat(calls.getLast().header("Stepwise-Attempt")).isEqualTo("1");
    assertThat(newestExecution()).as("no execution was stored").isEqualTo(newest);
  }

  private static String answerBody() {
    return Json.write(Map.of("price", 250, "currency", "EUR"));
  }

  private String newestExecution() {
    @SuppressWarnings("unchecked")
    var items =
        (List<Map<String, Object>>) api.get("/v1/executions?pageSize=1").json().get("items");
    return items.isEmpty() ? null : (String) items.getFirst().get("executionId");
  }

  @Test
  void aFailedCallIsRetriableOrCaughtAsTheStateSays() {
    String task =
        "{'Type': 'Task', 'Resource': '"
            + endpoint.url("/broken")
            + "', 'Next': 'Done', 'Retry': [{'ErrorEquals': ['Overloaded'], 'IntervalSeconds': 3,"
            + " 'MaxAttempts': 2}], 'Catch': [{'ErrorEquals': ['States.ALL'], 'Next': 'Recover',"
            + " 'ResultPath': '$.error'}]}";

    var retriable =
        test(
            "{'definition': "
                + task
                + ", 'inspectionLevel': 'DEBUG', 'stateConfiguration': {'retrierRetryCount': 1}}");
    var caught =
        test(
            "{'definition': "
                + task
                + ", 'inspectionLevel': 'DEBUG', 'stateConfiguration': {'retrierRetryCount': 2}}");

    assertThat(retriable.json())
        .containsEntry("status", "RETRIABLE")
        .containsEntry("error", "Overloaded")
        .containsEntry("cause", "busy")
        .doesNotContainKeys("output", "nextState");
    assertThat(inspection(retriable))
        .containsEntry("errorDetails", Map.of("retryIndex", 0, "retryBackoffIntervalSeconds", 6));
    assertThat(caught.json())
        .containsEntry("status", "CAUGHT_ERROR")
        .containsEntry("nextState", "Recover")
        .containsEntry("output", json("{'error': {'Error': 'Overloaded', 'Cause': 'busy'}}"));
    assertThat(inspection(caught))
        .containsEntry("errorDetails", Map.of("catchIndex", 0, "retryIndex", 0));
    assertThat(endpoint.calls("/broken").getLast().header("Stepwise-Attempt")).isEqualTo("3");
  }

  @Test
  void aMockStandsInForTheCall() {
    int before = endpoint.calls().size();

    var result =
        test(
            "{'definition': {'Type': 'Task', 'Resource': '"
                + endpoint.url("/price")
                + "', 'End': true}, 'mock': {'result': {'price': 1}}}");
    var error =
        test(
            "{'definition': {'Type': 'Task', 'Resource': '"
                + endpoint.url("/price")
                + "', 'End': true}, 'mock': {'errorOutput': {'error': 'Nope', 'cause': 'mocked'}}}");

    assertThat(result.json())
        .containsEntry("status", "SUCCEEDED")
        .containsEntry("output", Map.of("price", 1));
    assertThat(error.json())
        .containsEntry("status", "FAILED")
        .containsEntry("error", "Nope")
        .containsEntry("cause", "mocked");
    assertThat(endpoint.calls()).hasSize(before);
    var nothing =
        test(
            "{'definition': {'Type': 'Task', 'Resource': '"
                + endpoint.url("/price")
                + "', 'End': true}, 'mock': {'result': 'null'}}");
    assertThat(nothing.json()).containsEntry("status", "SUCCEEDED").containsEntry("output", null);
  }

  @Test
  void theHeadersARouteAddsAreSentButNotShown() {
    var response =
        test(
            "{'definition': {'Type': 'Task', 'Resource':"
                + " 'arn:aws:lambda:eu-west-1:123456789012:function:Secret', 'End': true},"
                + " 'input': {'a': 1}, 'inspectionLevel': 'TRACE'}");
    var reveal =
        test(
            "{'definition': {'Type': 'Pass', 'End': true}, 'inspectionLevel': 'TRACE',"
                + " 'revealSecrets': true}");

    assertThat(response.json()).containsEntry("status", "SUCCEEDED");
    assertThat(endpoint.calls("/secret").getLast().header("Authorization"))
        .isEqualTo("Bearer s3cret");
    @SuppressWarnings("unchecked")
    var request = (Map<String, Object>) inspection(response).get("request");
    assertThat(request.get("headers").toString()).doesNotContain("s3cret", "Authorization");
    assertThat(reveal.status()).isEqualTo(400);
    assertThat((String) reveal.json().get("detail")).contains("revealSecrets");
  }

  @Test
  void aCallThatTakesTooLongTimesOut() {
    var response =
        test(
            "{'definition': {'Type': 'Task', 'Resource': '"
                + endpoint.url("/slow")
                + "', 'TimeoutSeconds': 1, 'End': true}}");

    assertThat(response.json())
        .containsEntry("status", "FAILED")
        .containsEntry("error", "States.Timeout");
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
