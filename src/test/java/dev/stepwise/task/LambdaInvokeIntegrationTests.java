package dev.stepwise.task;

import static dev.stepwise.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.Json;
import dev.stepwise.support.Api;
import dev.stepwise.support.StepwiseInstance;
import dev.stepwise.support.TestEndpoint;
import dev.stepwise.support.TestEndpoint.Answer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Definitions written for AWS's optimized Lambda integration ({@code
 * arn:aws:states:::lambda:invoke}) run unchanged against the service and PostgreSQL: functions are
 * routed by their ARN, the endpoint gets the {@code Payload}, selectors on {@code $.Payload} work,
 * function errors are caught by their type, and {@code .waitForTaskToken} waits for the callback.
 */
class LambdaInvokeIntegrationTests {
  static TestEndpoint endpoint;
  static StepwiseInstance stepwise;

  @BeforeAll
  static void start() {
    endpoint = new TestEndpoint();
    endpoint.on(
        "/greet",
        call -> {
          @SuppressWarnings("unchecked")
          var body = (Map<String, Object>) call.body();
          return Answer.ok(Map.of("greeting", "hello " + body.get("name")));
        });
    endpoint.on("/charge", call -> Answer.ok(Map.of("charged", "any version")));
    endpoint.on("/charge-prod", call -> Answer.ok(Map.of("charged", "prod")));
    endpoint.on(
        "/declined",
        call ->
            new Answer(
                500,
                Map.of(
                    "errorType", "CardDeclined",
                    "errorMessage", "insufficient funds",
                    "trace", List.of())));
    endpoint.on("/review", call -> Answer.ok(Map.of("queued", true)));
    stepwise =
        StepwiseInstance.start(
            Map.of(
                "stepwise.tasks.routes[0].resource",
                "arn:aws:lambda:*:*:function:Greet",
                "stepwise.tasks.routes[0].url",
                endpoint.url("/greet"),
                "stepwise.tasks.routes[1].resource",
                "arn:aws:lambda:us-east-1:123456789012:function:Charge:prod",
                "stepwise.tasks.routes[1].url",
                endpoint.url("/charge-prod"),
                "stepwise.tasks.routes[2].resource",
                "arn:aws:lambda:us-east-1:123456789012:function:Charge",
                "stepwise.tasks.routes[2].url",
                endpoint.url("/charge"),
                "stepwise.tasks.routes[3].resource",
                "arn:aws:lambda:*:*:function:Declined",
                "stepwise.tasks.routes[3].url",
                endpoint.url("/declined"),
                "stepwise.tasks.routes[4].resource",
                "arn:aws:lambda:*:*:function:Review",
                "stepwise.tasks.routes[4].url",
                endpoint.url("/review")));
  }

  @AfterAll
  static void stop() {
    stepwise.close();
    endpoint.close();
  }

  private static Api api() {
    return stepwise.api();
  }

  @Test
  void aResultSelectorWrittenForAwsReadsThePayload() {
    var done =
        api()
            .run(
                "lambda-selector",
                """
            {"StartAt": "Greet", "States": {"Greet": {"Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke",
              "Parameters": {"FunctionName": "Greet", "Payload": {"name.$": "$.name"}},
              "ResultSelector": {"Payload.$": "$.Payload"},
              "ResultPath": "$.result", "End": true}}}
            """,
                Map.of("name", "Ada"));

    assertThat(done.get("status")).isEqualTo("SUCCEEDED");
    assertThat(done.get("output"))
        .isEqualTo(
            Map.of("name", "Ada", "result", Map.of("Payload", Map.of("greeting", "hello Ada"))));
    var call =
        endpoint.calls("/greet").stream()
            .filter(c -> done.get("executionId").equals(c.header("Stepwise-Execution-Id")))
            .findFirst()
            .orElseThrow();
    assertThat(call.body()).as("the Payload only").isEqualTo(Map.of("name", "Ada"));
  }

  @Test
  void theWholeResultHasAwsShape() {
    var done =
        api()
            .run(
                "lambda-shape",
                """
            {"StartAt": "Greet", "States": {"Greet": {"Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke",
              "Parameters": {"FunctionName": "arn:aws:lambda:us-east-1:123456789012:function:Greet",
                             "Payload.$": "$"},
              "End": true}}}
            """,
                Map.of("name", "Bo"));

    var output = map(done.get("output"));
    assertThat(output)
        .containsEntry("Payload", Map.of("greeting", "hello Bo"))
        .containsEntry("StatusCode", 200)
        .containsEntry("ExecutedVersion", "$LATEST")
        .containsKeys("SdkHttpMetadata", "SdkResponseMetadata");
    assertThat(map(output.get("SdkHttpMetadata"))).containsEntry("HttpStatusCode", 200);
    assertThat(map(output.get("SdkResponseMetadata")).get("RequestId")).isNotNull();
  }

  @Test
  void aBareNameAPartialArnAndAQualifiedArnAreRoutedByTheirFullArn() {
    var done =
        api()
            .run(
                "lambda-arns",
                """
            {"QueryLanguage": "JSONata", "StartAt": "Any", "States": {
              "Any": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                "Arguments": {"FunctionName": "123456789012:function:Charge:7"},
                "Output": {"any": "{% $states.result.Payload.charged %}",
                           "version": "{% $states.result.ExecutedVersion %}"},
                "Next": "Prod"},
              "Prod": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                "Arguments": {"FunctionName": "arn:aws:lambda:us-east-1:123456789012:function:Charge:prod"},
                "Output": "{% $merge([$states.input, {'prod': $states.result.Payload.charged}]) %}",
                "End": true}}}
            """,
                Map.of());

    assertThat(done.get("status")).isEqualTo("SUCCEEDED");
    assertThat(done.get("output"))
        .isEqualTo(Map.of("any", "any version", "version", "7", "prod", "prod"));
  }

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
  void waitForTaskTokenDeliversThePayloadAndWaitsForTheCallback() {
    api()
        .createStateMachine(
            "lambda-callback",
            """
            {"StartAt": "Review", "States": {"Review": {"Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
              "Parameters": {"FunctionName": "Review",
                             "Payload": {"token.$": "$$.Task.Token", "doc.$": "$.doc"}},
              "End": true}}}
            """);
    String id = api().start("lambda-callback", Map.of("doc", "d-1"));
    var call =
        Awaitility.await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    endpoint.calls("/review").stream()
                        .filter(c -> id.equals(c.header("Stepwise-Execution-Id")))
                        .findFirst(),
                java.util.Optional::isPresent)
            .orElseThrow();
    String token = (String) map(call.body()).get("token");
    assertThat(map(call.body())).containsEntry("doc", "d-1");
    api().awaitEvent(id, "TaskSubmitted", Duration.ofSeconds(20));
    assertThat(api().execution(id).get("status")).isEqualTo("RUNNING");

    var answered = api().sendTaskSuccess(token, Map.of("approved", true));

    assertThat(answered.status()).isEqualTo(200);
    var done = api().awaitEnd(id, Duration.ofSeconds(20));
    assertThat(done.get("status")).isEqualTo("SUCCEEDED");
    assertThat(done.get("output")).isEqualTo(Map.of("approved", true));
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
