package dev.stepwise.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.Json;
import dev.stepwise.support.StepwiseInstance;
import dev.stepwise.support.TestEndpoint;
import dev.stepwise.support.TestEndpoint.Answer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The egress policy and connections in the running service (the laptop default: private addresses
 * allowed), with definitions written in single quotes.
 */
@ExtendWith(OutputCaptureExtension.class)
class EgressIntegrationTests {
  private static final String KEY_SECRET = "k3y-s3cr3t-value";
  private static final String HEADER_SECRET = "d3f-s3cr3t-value";
  private static final Duration WAIT = Duration.ofSeconds(30);

  static TestEndpoint endpoint;
  static StepwiseInstance stepwise;

  @BeforeAll
  static void start() {
    endpoint = new TestEndpoint();
    endpoint.on("/orders", call -> Answer.ok(Map.of("ok", true)));
    stepwise =
        StepwiseInstance.start(
            Map.of(
                "stepwise.tasks.connections[0].name", "orders",
                "stepwise.tasks.connections[0].type", "api-key",
                "stepwise.tasks.connections[0].header", "X-Api-Key",
                "stepwise.tasks.connections[0].value", KEY_SECRET));
  }

  @AfterAll
  static void stop() {
    if (stepwise != null) stepwise.close();
    if (endpoint != null) endpoint.close();
  }

  private static String definition(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  private static String ownUrl(String path) {
    return stepwise.api().base() + path;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> refusal(String name, String definition) {
    var response =
        stepwise
            .api()
            .post(
                "/v1/state-machines",
                Map.of("name", name, "definition", Json.parse(definition(definition))));
    assertThat(response.status()).isEqualTo(400);
    return (List<Map<String, Object>>) response.json().get("diagnostics");
  }

  @Test
  void aLiteralMetadataUrlIsRefusedAtItsLocation() {
    var diagnostics =
        refusal(
            "metadata-url",
            "{'StartAt':'Call','States':{'Call':{'Type':'Task',"
                + "'Resource':'http://169.254.169.254/latest/meta-data/','End':true}}}");

    assertThat(diagnostics)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.get("code")).isEqualTo("EGRESS_DENIED");
              assertThat(d.get("location")).isEqualTo("/States/Call/Resource");
              assertThat((String) d.get("message")).contains("stepwise.tasks.egress");
            });
  }

  @Test
  void literalHttpInvokeEndpointsAndUnknownConnectionsAreRefusedAtTheirLocations() {
    var diagnostics =
        refusal(
            "literal-invoke",
            "{'StartAt':'Own','States':{"
                + "'Own':{'Type':'Task','Resource':'arn:aws:states:::http:invoke','Parameters':"
                + "{'ApiEndpoint':'"
                + ownUrl("/actuator/prometheus")
                + "','Method':'GET'},'Next':'Mapped'},"
                + "'Mapped':{'Type':'Task','Resource':'arn:aws:states:::http:invoke',"
                + "'QueryLanguage':'JSONata','Arguments':{'ApiEndpoint':"
                + "'http://[::ffff:169.254.169.254]/','Method':'GET'},'Next':'Unknown'},"
                + "'Unknown':{'Type':'Task','Resource':'arn:aws:states:::http:invoke','Parameters':"
                + "{'ApiEndpoint':'https://api.example.com/','Method':'GET','Authentication':"
                + "{'ConnectionArn':'arn:aws:events:us-east-1:1:connection/missing/abc'}},"
                + "'End':true}}}");

    assertThat(diagnostics)
        .extracting(d -> d.get("location"))
        .containsExactlyInAnyOrder(
            "/States/Own/Parameters/ApiEndpoint",
            "/States/Mapped/Arguments/ApiEndpoint",
            "/States/Unknown/Parameters/Authentication/ConnectionArn");
  }

  @Test
  void aComputedUrlToTheServiceItselfFailsTheStateWithACatchableError() {
    stepwise
        .api()
        .createStateMachine(
            "self-call",
            definition(
                "{'StartAt':'Call','States':{'Call':{'Type':'Task',"
                    + "'Resource':'arn:aws:states:::http:invoke',"
                    + "'Parameters':{'ApiEndpoint.$':'$.url','Method':'POST',"
                    + "'RequestBody':{'input':{}}},"
                    + "'Catch':[{'ErrorEquals':['States.TaskFailed'],'ResultPath':'$.error',"
                    + "'Next':'Caught'}],'End':true},"
                    + "'Caught':{'Type':'Pass','End':true}}}"));

    for (String path : List.of("/actuator/prometheus", "/v1/state-machines/self-call/executions")) {
      String id = stepwise.api().start("self-call", Map.of("url", ownUrl(path)));
      var execution = stepwise.api().awaitEnd(id, WAIT);

      assertThat(execution.get("status")).isEqualTo("SUCCEEDED");
      var output = Json.write(execution.get("output"));
      assertThat(output).contains("Stepwise.EgressDenied").contains("own port");
    }
    assertThat(stepwise.api().get("/v1/state-machines/self-call/executions").json().toString())
        .as("the denied POST started nothing")
        .doesNotContain("\"input\":{}");
  }

  @Test
  void credentialsReachTheEndpointButNeitherHistoryNorLogs(CapturedOutput output) {
    stepwise
        .api()
        .createStateMachine(
            "with-connection",
            definition(
                "{'StartAt':'Call','States':{'Call':{'Type':'Task',"
                    + "'Resource':'arn:aws:states:::http:invoke',"
                    + "'Parameters':{'ApiEndpoint':'"
                    + endpoint.url("/orders")
                    + "','Method':'POST','RequestBody':{'n':1},"
                    + "'Headers':{'Authorization':'Bearer "
                    + HEADER_SECRET
                    + "'},"
                    + "'Authentication':{'ConnectionArn':"
                    + "'arn:aws:events:us-east-1:123456789012:connection/orders/6b1f'}},"
                    + "'End':true}}}"));

    String id = stepwise.api().start("with-connection", Map.of());
    assertThat(stepwise.api().awaitEnd(id, WAIT).get("status")).isEqualTo("SUCCEEDED");

    var received = endpoint.calls("/orders").getLast();
    assertThat(received.header("X-Api-Key")).isEqualTo(KEY_SECRET);
    assertThat(received.header("Authorization")).isEqualTo("Bearer " + HEADER_SECRET);
    // Every history row of the database, not only this execution's.
    var rows =
        stepwise
            .bean(JdbcTemplate.class)
            .queryForList("select type, details from history_event")
            .toString();
    assertThat(rows).contains("TaskScheduled").contains("redacted");
    assertThat(rows).doesNotContain(KEY_SECRET).doesNotContain(HEADER_SECRET);
    assertThat(Json.write(stepwise.api().history(id)))
        .doesNotContain(KEY_SECRET)
        .doesNotContain(HEADER_SECRET);
    assertThat(output.getAll()).doesNotContain(KEY_SECRET).doesNotContain(HEADER_SECRET);
  }

  @Test
  void theOwnPortIsKnownOnceTheServerHasStarted() {
    int port = URI.create(stepwise.api().base()).getPort();

    assertThat(stepwise.bean(EgressPolicy.class).refusalOf(URI.create(ownUrl("/"))))
        .get()
        .asString()
        .contains(":" + port + " is this service's own port");
  }
}
