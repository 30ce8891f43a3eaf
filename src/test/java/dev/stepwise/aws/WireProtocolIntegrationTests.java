package dev.stepwise.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.support.StepwiseInstance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The AWS JSON 1.0 protocol on raw HTTP: what SDKs rely on without saying, asserted on the bytes
 * (error names, timestamps in plain decimal, absent members left out).
 */
class WireProtocolIntegrationTests {
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final String PASS =
      "{\\\"StartAt\\\":\\\"P\\\",\\\"States\\\":{\\\"P\\\":{\\\"Type\\\":\\\"Pass\\\",\\\"End\\\":true}}}";

  static StepwiseInstance stepwise;

  @BeforeAll
  static void start() {
    stepwise = StepwiseInstance.start();
  }

  @AfterAll
  static void stop() {
    stepwise.close();
  }

  @Test
  void answersWithAwsContentTypeRequestIdAndPlainDecimalTimestamps() {
    var created =
        call(
            "CreateStateMachine",
            "{\"name\":\"proto\",\"roleArn\":\"arn:aws:iam::123456789012:role/r\",\"definition\":\""
                + PASS
                + "\"}");
    assertThat(created.statusCode()).isEqualTo(200);
    assertThat(created.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.0");
    assertThat(created.headers().firstValue("x-amzn-RequestId")).isPresent();
    assertThat(created.body())
        .matches(
            "\\{\"stateMachineArn\":\"arn:aws:states:us-east-1:123456789012:stateMachine:proto\","
                + "\"creationDate\":\\d{10}\\.\\d{3}}");

    var started =
        call(
            "StartExecution",
            "{\"stateMachineArn\":\"arn:aws:states:us-east-1:123456789012:stateMachine:proto\","
                + "\"name\":\"e1\"}");
    assertThat(started.body()).matches(".*\"startDate\":\\d{10}\\.\\d{3}}");
    var described =
        call(
            "DescribeExecution",
            "{\"executionArn\":\"arn:aws:states:us-east-1:123456789012:execution:proto:e1\"}");
    // Never null: absent members are left out (no error, no cause for a success).
    assertThat(described.body()).doesNotContain("null").doesNotContain("E9").doesNotContain("E+");
    assertThat(described.body()).doesNotContain("\"error\"").doesNotContain("\"cause\"");
  }

  @Test
  void acceptsPlainJsonAnEmptyBodyAndAnyHost() {
    var plain =
        HTTP(request("ListStateMachines", "{}").header("Content-Type", "application/json").build());
    assertThat(plain.statusCode()).isEqualTo(200);
    assertThat(plain.body()).startsWith("{\"stateMachines\":[");

    var empty = call("ListActivities", "");
    assertThat(empty.statusCode()).isEqualTo(200);
    assertThat(empty.body()).startsWith("{\"activities\":[");

    // The SDKs send StartSyncExecution to sync-<host>; a proxy or DNS entry may pass it on as is.
    // (Host is a restricted header for java.net.http, so this asks a raw socket.)
    String raw = rawPost("sync-stepwise.example:" + port(), "ListStateMachines", "{}");
    assertThat(raw).startsWith("HTTP/1.1 200");
  }

  @Test
  void errorsCarryAwsTypeAndMessage() {
    var unknown = call("NoSuchThing", "{}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body())
        .startsWith("{\"__type\":\"com.amazonaws.sfn#UnknownOperationException\",\"message\":");

    var malformed = call("ListStateMachines", "{\"maxResults\":");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body())
        .contains("\"__type\":\"com.amazonaws.sfn#SerializationException\"");

    var wrongType = call("ListStateMachines", "{\"maxResults\":\"ten\"}");
    assertThat(wrongType.body()).contains("com.amazonaws.sfn#SerializationException");

    var notAnObject = call("ListStateMachines", "[1]");
    assertThat(notAnObject.body()).contains("com.amazonaws.sfn#SerializationException");

    var missing = call("DescribeStateMachine", "{}");
    assertThat(missing.body()).contains("com.amazonaws.sfn#ValidationException");

    var badArn = call("DescribeExecution", "{\"executionArn\":\"arn:aws:states:x\"}");
    assertThat(badArn.body()).contains("com.amazonaws.sfn#InvalidArn");

    var otherPrefix =
        HTTP(
            HttpRequest.newBuilder(URI.create(stepwise.api().base() + "/"))
                .header("X-Amz-Target", "AWSSimpleWorkflow.ListDomains")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
    assertThat(otherPrefix.body()).contains("UnknownOperationException");
  }

  @Test
  void historyBodiesFollowTheSameRules() {
    call(
        "CreateStateMachine",
        "{\"name\":\"proto-history\",\"roleArn\":\"arn:aws:iam::123456789012:role/r\","
            + "\"definition\":\""
            + PASS
            + "\"}");
    call(
        "StartExecution",
        "{\"stateMachineArn\":\"arn:aws:states:us-east-1:123456789012:stateMachine:proto-history\","
            + "\"name\":\"h\"}");
    var history =
        call(
            "GetExecutionHistory",
            "{\"executionArn\":\"arn:aws:states:us-east-1:123456789012:execution:proto-history:h\"}");
    assertThat(history.body())
        .startsWith("{\"events\":[{\"timestamp\":")
        .containsPattern("\"timestamp\":\\d{10}\\.\\d{3},\"type\":\"ExecutionStarted\",\"id\":1,")
        .contains("\"executionStartedEventDetails\":{\"input\":\"{}\"")
        .doesNotContain("null")
        .doesNotContain("nextToken");
  }

  /** Whatever a client sends, the answer is an AWS error or a success: never a 500. */
  @Test
  void noOperationAnswersBadInputWithAServerError() {
    String[] bodies = {
      "{}",
      "null",
      "\"text\"",
      "{\"stateMachineArn\":5}",
      "{\"executionArn\":\"arn:aws:states:us-east-1:123456789012:execution:x\"}",
      "{\"name\":\"" + "n".repeat(200) + "\",\"definition\":\"{}\",\"roleArn\":\"r\"}",
      "{\"maxResults\":-1,\"nextToken\":\"@@\"}",
      "{\"taskToken\":\"\",\"resourceArn\":\"arn:aws:states:us-east-1:123456789012:mapRun:a/b:1\"}"
    };
    for (String operation : stepwise.bean(Operations.class).names()) {
      if (operation.equals("GetActivityTask")) continue; // a valid call long-polls
      for (String body : bodies) {
        var answer = call(operation, body);
        assertThat(answer.statusCode()).as(operation + " " + body).isIn(200, 400);
        if (answer.statusCode() == 400) {
          assertThat(answer.body())
              .as(operation + " " + body)
              .startsWith("{\"__type\":\"com.amazonaws.sfn#");
        }
      }
    }
  }

  static HttpResponse<String> call(String operation, String body) {
    return HTTP(request(operation, body).build());
  }

  static HttpRequest.Builder request(String operation, String body) {
    return HttpRequest.newBuilder(URI.create(stepwise.api().base() + "/"))
        .header("Content-Type", "application/x-amz-json-1.0")
        .header("X-Amz-Target", "AWSStepFunctions." + operation)
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  @SuppressWarnings("checkstyle:MethodName")
  static HttpResponse<String> HTTP(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static int port() {
    return URI.create(stepwise.api().base()).getPort();
  }

  /** A request written by hand, with the Host header it names. */
  static String rawPost(String host, String operation, String body) {
    try (var socket = new java.net.Socket("127.0.0.1", port())) {
      String request =
          "POST / HTTP/1.1\r\nHost: "
              + host
              + "\r\nX-Amz-Target: AWSStepFunctions."
              + operation
              + "\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: "
              + body.length()
              + "\r\nConnection: close\r\n\r\n"
              + body;
      socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return new String(
          socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
