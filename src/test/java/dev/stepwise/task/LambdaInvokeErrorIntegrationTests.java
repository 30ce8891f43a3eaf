package dev.stepwise.task;

import static dev.stepwise.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Function errors are caught by their type; a function no route serves fails at run time when its
 * name is computed, and is refused where it is written when it is a literal.
 */
class LambdaInvokeErrorIntegrationTests extends LambdaInvokeSupport {
  @Test
  void aFunctionErrorIsCaughtByItsType() {
    var done =
        api()
            .run(
                "lambda-error",
                """
            {"StartAt": "Charge", "States": {
              "Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                "Parameters": {"FunctionName": "Declined", "Payload": {}},
                "Retry": [{"ErrorEquals": ["Lambda.ServiceException"], "MaxAttempts": 3}],
                "Catch": [{"ErrorEquals": ["CardDeclined"], "ResultPath": "$.error", "Next": "Declined"}],
                "End": true},
              "Declined": {"Type": "Pass", "End": true}}}
            """,
                Map.of("order", 7));

    assertThat(done.get("status")).isEqualTo("SUCCEEDED");
    var error = map(map(done.get("output")).get("error"));
    assertThat(error).containsEntry("Error", "CardDeclined");
    assertThat(map(Json.parse((String) error.get("Cause"))))
        .containsEntry("errorType", "CardDeclined")
        .containsEntry("errorMessage", "insufficient funds");
    var history = api().history((String) done.get("executionId"));
    assertThat(history)
        .filteredOn(e -> "TaskFailed".equals(e.get("type")))
        .singleElement()
        .satisfies(e -> assertThat(map(e.get("details"))).containsEntry("error", "CardDeclined"));
  }

  @Test
  void aComputedFunctionNameNoRouteServesFailsAtRunTime() {
    var done =
        api()
            .run(
                "lambda-computed",
                """
            {"StartAt": "Call", "States": {"Call": {"Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke",
              "Parameters": {"FunctionName.$": "$.function"},
              "Catch": [{"ErrorEquals": ["Lambda.ResourceNotFoundException"], "Next": "Missing"}],
              "End": true},
              "Missing": {"Type": "Pass", "End": true}}}
            """,
                Map.of("function", "Unknown"));

    assertThat(done.get("status")).isEqualTo("SUCCEEDED");
    assertThat(map(done.get("output")))
        .containsEntry("Error", "Lambda.ResourceNotFoundException")
        .hasEntrySatisfying(
            "Cause",
            cause ->
                assertThat((String) cause)
                    .contains("arn:aws:lambda:us-east-1:123456789012:function:Unknown")
                    .contains("no task route matches it"));
  }

  @Test
  void aLiteralFunctionNoRouteServesIsRefusedWhereItIsWritten() {
    var jsonPath =
        api()
            .post(
                "/v1/definitions/validate",
                Map.of(
                    "definition",
                    Json.parse(
                        """
                        {"StartAt": "A", "States": {
                          "A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                                "Parameters": {"FunctionName": "Nope"}, "Next": "B"},
                          "B": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                                "Parameters": {"Payload": {}}, "Next": "C"},
                          "C": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                                "Parameters": {"FunctionName.$": "$.f"}, "End": true}}}
                        """)));
    var jsonata =
        api()
            .post(
                "/v1/state-machines",
                Map.of(
                    "name",
                    "lambda-refused",
                    "definition",
                    Json.parse(
                        """
                        {"QueryLanguage": "JSONata", "StartAt": "A", "States": {
                          "A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
                                "Arguments": {"FunctionName": "Greet:prod"}, "Next": "B"},
                          "B": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                                "Arguments": {"FunctionName": "{% $states.input.f %}"}, "Next": "C"},
                          "C": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                                "Arguments": {"FunctionName": "Nope"}, "End": true}}}
                        """)));

    assertThat(jsonPath.json()).containsEntry("valid", false);
    assertThat(diagnostics(jsonPath.json()))
        .extracting(d -> d.get("code") + " " + d.get("location"))
        .containsExactlyInAnyOrder(
            "INVALID_RESOURCE /States/A/Parameters/FunctionName",
            "SCHEMA_VALIDATION_FAILED /States/B/Parameters");
    assertThat(jsonata.status()).isEqualTo(400);
    assertThat(diagnostics(jsonata.json()))
        .singleElement()
        .satisfies(
            d ->
                assertThat(d)
                    .containsEntry("code", "INVALID_RESOURCE")
                    .containsEntry("location", "/States/C/Arguments/FunctionName"));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> diagnostics(Map<String, Object> body) {
    return (List<Map<String, Object>>) body.get("diagnostics");
  }
}
