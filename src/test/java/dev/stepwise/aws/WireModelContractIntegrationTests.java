package dev.stepwise.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stepwise.asl.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Contract tests from AWS's published model of the service: every operation it lists is served,
 * errors carry names the model lists for the operation, and answers hold only the members the model
 * declares, of their declared types, never null, with the required ones present. Skipped when no
 * model is installed (it comes with the AWS CLI's botocore: {@code apt-get install awscli}).
 */
class WireModelContractIntegrationTests {
  static final String PREFIX = "arn:aws:states:us-east-1:123456789012:";
  static final String PASS =
      "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Result\":{\"n\":1},\"End\":true}}}";
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @RegisterExtension
  static final WireService wire = WireService.with(Map.of("stepwise.aws.activity-poll-wait", "1s"));

  static SfnModel model;

  @BeforeAll
  static void loadModel() {
    model = SfnModel.installed().orElse(null);
    Assumptions.assumeTrue(
        model != null,
        "AWS's Step Functions model is not installed (python3 with botocore, as the AWS CLI"
            + " brings it): skipping the contract tests (apt-get install awscli)");
  }

  record Answer(int status, String text, Object json) {}

  static Answer call(String operation, Map<String, Object> request) {
    var http =
        HttpRequest.newBuilder(URI.create(wire.stepwise().api().base() + "/"))
            .header("X-Amz-Target", "AWSStepFunctions." + operation)
            .header("Content-Type", "application/x-amz-json-1.0")
            .POST(HttpRequest.BodyPublishers.ofString(Json.write(request)))
            .build();
    try {
      var response = HTTP.send(http, HttpResponse.BodyHandlers.ofString());
      String text = response.body();
      return new Answer(response.statusCode(), text, text.isEmpty() ? null : Json.parse(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void everyOperationOfTheModelIsServedAndAnswersItsOwnErrors() {
    var problems = new ArrayList<String>();
    for (String operation : model.operations()) {
      // Nothing names a resource here: each operation answers one of its errors.
      var answer = call(operation, Map.of("name", "!", "mapRunArn", "arn:nope"));
      if (answer.status() == 200) continue;
      String type = String.valueOf(((Map<?, ?>) answer.json()).get("__type"));
      String name = type.substring(type.indexOf('#') + 1);
      if (!type.startsWith("com.amazonaws.sfn#") || !model.errors(operation).contains(name)) {
        problems.add(operation + " answered " + answer.status() + " " + type);
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void answersHoldWhatTheModelDeclares() {
    var problems = new ArrayList<String>();
    Map<String, Object> answers = new LinkedHashMap<>();
    String activity = (String) checked(answers, "CreateActivity", Map.of("name", "contract-act"));
    String machine =
        (String)
            checked(
                answers,
                "CreateStateMachine",
                Map.of(
                    "name",
                    "contract",
                    "definition",
                    PASS,
                    "roleArn",
                    "arn:aws:iam::123456789012:role/r",
                    "publish",
                    true,
                    "tags",
                    List.of(Map.of("key", "k", "value", "v"))));
    String execution =
        (String)
            checked(
                answers,
                "StartExecution",
                Map.of("stateMachineArn", machine, "name", "c1", "input", "{\"a\":1}"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> ((Map<?, ?>) call("DescribeExecution", Map.of("executionArn", execution)).json()),
            d -> !"RUNNING".equals(d.get("status")));
    String version = machine + ":1";
    checked(answers, "DescribeStateMachine", Map.of("stateMachineArn", machine));
    checked(answers, "DescribeStateMachine", Map.of("stateMachineArn", version));
    checked(answers, "UpdateStateMachine", Map.of("stateMachineArn", machine, "definition", PASS));
    checked(answers, "PublishStateMachineVersion", Map.of("stateMachineArn", machine));
    checked(answers, "ListStateMachines", Map.of());
    checked(answers, "ListStateMachineVersions", Map.of("stateMachineArn", machine));
    String alias =
        (String)
            checked(
                answers,
                "CreateStateMachineAlias",
                Map.of(
                    "name",
                    "live",
                    "routingConfiguration",
                    List.of(Map.of("stateMachineVersionArn", version, "weight", 100))));
    checked(answers, "DescribeStateMachineAlias", Map.of("stateMachineAliasArn", alias));
    checked(answers, "ListStateMachineAliases", Map.of("stateMachineArn", machine));
    checked(answers, "DescribeExecution", Map.of("executionArn", execution));
    checked(answers, "DescribeStateMachineForExecution", Map.of("executionArn", execution));
    checked(answers, "ListExecutions", Map.of("stateMachineArn", machine));
    checked(answers, "ListMapRuns", Map.of("executionArn", execution));
    checked(
        answers,
        "GetExecutionHistory",
        Map.of("executionArn", execution, "includeExecutionData", true));
    checked(answers, "StopExecution", Map.of("executionArn", execution));
    checked(answers, "ListActivities", Map.of());
    checked(answers, "DescribeActivity", Map.of("activityArn", activity));
    checked(answers, "GetActivityTask", Map.of("activityArn", activity));
    checked(answers, "TagResource", Map.of("resourceArn", machine, "tags", List.of()));
    checked(answers, "ListTagsForResource", Map.of("resourceArn", machine));
    checked(answers, "UntagResource", Map.of("resourceArn", machine, "tagKeys", List.of("k")));
    checked(answers, "ValidateStateMachineDefinition", Map.of("definition", "{}"));
    checked(
        answers,
        "TestState",
        Map.of(
            "definition",
            "{\"Type\":\"Pass\",\"End\":true}",
            "input",
            "{}",
            "inspectionLevel",
            "TRACE"));
    for (var entry : answers.entrySet()) {
      String operation = entry.getKey().substring(0, entry.getKey().indexOf('#'));
      model.problems(operation, entry.getValue()).forEach(p -> problems.add(entry.getKey() + p));
    }
    assertThat(problems).isEmpty();
    assertThat(answers).hasSize(26);
  }

  @Test
  void theChecksFindWhatBreaksTheModel() {
    var broken = new LinkedHashMap<String, Object>();
    broken.put("activityArn", PREFIX + "activity:a");
    broken.put("creationDate", "1.7E9");
    broken.put("extra", 1);
    broken.put("encryptionConfiguration", null);
    assertThat(model.problems("DescribeActivity", broken))
        .containsExactlyInAnyOrder(
            "$.creationDate: not a number (timestamp)",
            "$.extra: not in DescribeActivityOutput",
            "$.encryptionConfiguration: null (absent members are left out)",
            "$.name: required, missing");
  }

  /** Calls, keeps the answer for the checks, and returns the ARN it names first, if any. */
  private static Object checked(
      Map<String, Object> answers, String operation, Map<String, Object> request) {
    var answer = call(operation, request);
    assertThat(answer.status()).as(operation + ": " + answer.text()).isEqualTo(200);
    // Timestamps are plain decimals: no exponent anywhere a number is written.
    assertThat(answer.text()).as(operation).doesNotContainPattern(":-?\\d+(\\.\\d+)?[eE]");
    answers.put(operation + "#" + answers.size(), answer.json());
    if (!(answer.json() instanceof Map<?, ?> map)) return null;
    return map.entrySet().stream()
        .filter(e -> e.getKey().toString().endsWith("Arn"))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }
}
