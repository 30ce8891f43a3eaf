package dev.stepwise.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.Json;
import dev.stepwise.support.StepwiseInstance;
import dev.stepwise.support.TestEndpoint;
import dev.stepwise.support.TestEndpoint.Answer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Helm chart's default, {@code allow-private=false}: the stub endpoint on loopback is out of
 * reach of what definitions name, but not of the operator's routes.
 */
class StrictEgressIntegrationTests {
  private static final Duration WAIT = Duration.ofSeconds(30);

  static TestEndpoint endpoint;
  static StepwiseInstance stepwise;

  @BeforeAll
  static void start() {
    endpoint = new TestEndpoint();
    endpoint.on("/work", call -> Answer.ok(Map.of("done", true)));
    endpoint.on("/routed", call -> Answer.ok(Map.of("done", true)));
    stepwise =
        StepwiseInstance.start(
            Map.of(
                "stepwise.tasks.egress.allow-private", "false",
                "stepwise.tasks.routes[0].resource", "arn:aws:lambda:*:*:function:Work",
                "stepwise.tasks.routes[0].url", endpoint.url("/routed")));
  }

  @AfterAll
  static void stop() {
    if (stepwise != null) stepwise.close();
    if (endpoint != null) endpoint.close();
  }

  private static Object json(String singleQuoted) {
    return Json.parse(singleQuoted.replace('\'', '"'));
  }

  private static String localhostUrl() {
    return endpoint.url("/work").replace("127.0.0.1", "localhost");
  }

  @Test
  void aNameResolvingToLoopbackFailsTheStateAndTheEndpointReceivesNothing() {
    stepwise
        .api()
        .createStateMachine(
            "to-localhost",
            Json.write(
                json(
                    "{'StartAt':'Call','States':{'Call':{'Type':'Task',"
                        + "'Resource':'arn:aws:states:::http:invoke',"
                        + "'Parameters':{'ApiEndpoint':'"
                        + localhostUrl()
                        + "','Method':'GET'},'End':true}}}")));

    String id = stepwise.api().start("to-localhost", Map.of());
    var execution = stepwise.api().awaitEnd(id, WAIT);

    assertThat(execution.get("status")).isEqualTo("FAILED");
    assertThat(Json.write(execution)).contains("Stepwise.EgressDenied");
    assertThat(endpoint.calls("/work")).isEmpty();
  }

  @Test
  void aLiteralLoopbackAddressIsRefusedAtCreation() {
    var response =
        stepwise
            .api()
            .post(
                "/v1/state-machines",
                Map.of(
                    "name",
                    "to-loopback",
                    "definition",
                    json(
                        "{'StartAt':'Call','States':{'Call':{'Type':'Task','Resource':'"
                            + endpoint.url("/work")
                            + "','End':true}}}")));

    assertThat(response.status()).isEqualTo(400);
    assertThat(Json.write(response.json()))
        .contains("EGRESS_DENIED")
        .contains("/States/Call/Resource");
  }

  @Test
  void testStateAppliesThePolicyToo() {
    var response =
        stepwise
            .api()
            .post(
                "/v1/test-state",
                json(
                    "{'definition':{'Type':'Task','Resource':'arn:aws:states:::http:invoke',"
                        + "'Parameters':{'ApiEndpoint.$':'$.url','Method':'GET'},'End':true},"
                        + "'input':{'url':'"
                        + localhostUrl()
                        + "'}}"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json()).containsEntry("status", "FAILED");
    assertThat(response.json()).containsEntry("error", "Stepwise.EgressDenied");
    assertThat(endpoint.calls("/work")).isEmpty();
  }

  @Test
  void operatorRoutesAreTrusted() {
    stepwise
        .api()
        .createStateMachine(
            "routed",
            "{\"StartAt\":\"Call\",\"States\":{\"Call\":{\"Type\":\"Task\","
                + "\"Resource\":\"arn:aws:lambda:us-east-1:1:function:Work\",\"End\":true}}}");

    String id = stepwise.api().start("routed", Map.of());

    assertThat(stepwise.api().awaitEnd(id, WAIT).get("status")).isEqualTo("SUCCEEDED");
    assertThat(endpoint.calls("/routed")).isNotEmpty();
  }
}
