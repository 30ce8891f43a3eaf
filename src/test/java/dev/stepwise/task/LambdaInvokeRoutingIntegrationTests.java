package dev.stepwise.task;

import static dev.stepwise.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Functions are routed by their ARN, the endpoint gets the {@code Payload}, selectors on {@code
 * $.Payload} work, the result has AWS's shape, and {@code .waitForTaskToken} waits for the
 * callback.
 */
class LambdaInvokeRoutingIntegrationTests extends LambdaInvokeSupport {
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
}
