package dev.stepwise.teststate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * TestState on Task states: one call to the endpoint and its trace, retries and catchers, a mock
 * instead of the call, route headers, and timeouts.
 */
class TestStateTaskIntegrationTests extends CallsToTestState {
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
}
