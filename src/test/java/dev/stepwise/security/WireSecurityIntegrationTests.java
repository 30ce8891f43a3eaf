package dev.stepwise.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.support.Sfn;
import dev.stepwise.support.StepwiseInstance;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.SfnException;

/**
 * SigV4 on the AWS wire API, driven by the AWS SDK for Java v2 with real credentials: the right
 * secret works, a wrong one is {@code InvalidSignatureException}, an unknown key id and an unsigned
 * call {@code UnrecognizedClientException}, an operation beyond the caller's role and a state
 * machine outside its prefix {@code AccessDeniedException}.
 */
class WireSecurityIntegrationTests {
  static final String ADMIN_SECRET = "admin-secret-6f1e2d3c4b5a69788";
  static final String VIEWER_SECRET = "viewer-secret-0a1b2c3d4e5f6a7b";
  static final String TEAM_SECRET = "team-secret-99887766554433221";
  static final String PASS =
      "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";

  static StepwiseInstance stepwise;

  @BeforeAll
  static void start() {
    var properties = new HashMap<String, Object>();
    properties.put("stepwise.security.mode", "api-key");
    pair(properties, 0, "AKIDADMIN", ADMIN_SECRET, "admin", null);
    pair(properties, 1, "AKIDVIEWER", VIEWER_SECRET, "viewer", null);
    pair(properties, 2, "AKIDTEAMA", TEAM_SECRET, "operator,author", "team-a-");
    stepwise = StepwiseInstance.start(properties);
  }

  static void pair(
      java.util.Map<String, Object> properties,
      int i,
      String id,
      String secret,
      String roles,
      String prefix) {
    String at = "stepwise.security.aws-credentials[" + i + "].";
    properties.put(at + "access-key-id", id);
    properties.put(at + "secret-access-key", secret);
    properties.put(at + "roles", roles);
    if (prefix != null) properties.put(at + "prefix", prefix);
  }

  @AfterAll
  static void stop() {
    stepwise.close();
  }

  static SfnClient client(String id, String secret) {
    return Sfn.builder(stepwise.api().base())
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(id, secret)))
        .overrideConfiguration(
            c -> c.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
        .build();
  }

  static String errorCode(Runnable call) {
    try {
      call.run();
    } catch (SfnException e) {
      return e.awsErrorDetails().errorCode() + " " + e.statusCode();
    }
    throw new AssertionError("the call succeeded");
  }

  @Test
  void theRightCredentialsWorkAndRecordTheCaller() {
    try (var sfn = client("AKIDADMIN", ADMIN_SECRET)) {
      String arn =
          sfn.createStateMachine(
                  b ->
                      b.name("wire-ok")
                          .definition(PASS)
                          .roleArn(Sfn.ROLE)
                          .type(software.amazon.awssdk.services.sfn.model.StateMachineType.EXPRESS))
              .stateMachineArn();
      String execution = sfn.startExecution(b -> b.stateMachineArn(arn).name("e1")).executionArn();
      var described = sfn.describeExecution(b -> b.executionArn(execution));
      assertThat(described.status()).isIn(ExecutionStatus.SUCCEEDED, ExecutionStatus.RUNNING);
      var sync = sfn.startSyncExecution(b -> b.stateMachineArn(arn).name("e2"));
      assertThat(sync.statusAsString()).isEqualTo("SUCCEEDED");
    }
    var view = stepwise.bean(dev.stepwise.lifecycle.Executions.class).describe("wire-ok", "e1");
    assertThat(view.startedBy()).isEqualTo("AKIDADMIN");
  }

  @Test
  void aWrongSecretIsInvalidSignatureAndAnUnknownKeyUnrecognizedClient() {
    try (var wrong = client("AKIDADMIN", ADMIN_SECRET + "x");
        var unknown = client("AKIDNOBODY", ADMIN_SECRET)) {
      assertThat(errorCode(wrong::listStateMachines)).isEqualTo("InvalidSignatureException 400");
      assertThat(errorCode(unknown::listStateMachines))
          .isEqualTo("UnrecognizedClientException 400");
    }
  }

  @Test
  void anUnsignedCallIsRefused() throws Exception {
    var response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(stepwise.api().base() + "/"))
                    .header("Content-Type", "application/x-amz-json-1.0")
                    .header("X-Amz-Target", "AWSStepFunctions.ListStateMachines")
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("#UnrecognizedClientException\"");
  }

  @Test
  void aViewerMayReadButNotStart() {
    try (var admin = client("AKIDADMIN", ADMIN_SECRET);
        var viewer = client("AKIDVIEWER", VIEWER_SECRET)) {
      String arn =
          admin
              .createStateMachine(b -> b.name("wire-viewer").definition(PASS).roleArn(Sfn.ROLE))
              .stateMachineArn();
      assertThat(viewer.describeStateMachine(b -> b.stateMachineArn(arn)).name())
          .isEqualTo("wire-viewer");
      assertThat(errorCode(() -> viewer.startExecution(b -> b.stateMachineArn(arn))))
          .isEqualTo("AccessDeniedException 400");
      assertThat(
              errorCode(
                  () ->
                      viewer.createStateMachine(
                          b -> b.name("wire-viewer-2").definition(PASS).roleArn(Sfn.ROLE))))
          .isEqualTo("AccessDeniedException 400");
    }
  }

  @Test
  void aPrefixConfinesWireCallsAndLists() {
    try (var admin = client("AKIDADMIN", ADMIN_SECRET);
        var team = client("AKIDTEAMA", TEAM_SECRET)) {
      String theirs =
          admin
              .createStateMachine(b -> b.name("team-b-wire").definition(PASS).roleArn(Sfn.ROLE))
              .stateMachineArn();
      String mine =
          team.createStateMachine(b -> b.name("team-a-wire").definition(PASS).roleArn(Sfn.ROLE))
              .stateMachineArn();
      assertThat(
              errorCode(
                  () ->
                      team.createStateMachine(
                          b -> b.name("team-b-other").definition(PASS).roleArn(Sfn.ROLE))))
          .isEqualTo("AccessDeniedException 400");
      assertThat(errorCode(() -> team.startExecution(b -> b.stateMachineArn(theirs))))
          .isEqualTo("AccessDeniedException 400");
      assertThat(errorCode(() -> team.describeStateMachine(b -> b.stateMachineArn(theirs))))
          .isEqualTo("AccessDeniedException 400");
      String execution = team.startExecution(b -> b.stateMachineArn(mine)).executionArn();
      assertThat(team.describeExecution(b -> b.executionArn(execution)).stateMachineArn())
          .isEqualTo(mine);
      // The database may hold other tests' state machines too.
      assertThat(team.listStateMachines(b -> b.maxResults(1000)).stateMachines())
          .extracting(m -> m.name())
          .contains("team-a-wire")
          .allMatch(name -> name.startsWith("team-a-"));
      assertThat(admin.listStateMachines(b -> b.maxResults(1000)).stateMachines())
          .extracting(m -> m.name())
          .contains("team-a-wire", "team-b-wire");
    }
  }
}
