package dev.stepwise.task;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.asl.Json;
import dev.stepwise.engine.TaskOutcome;
import dev.stepwise.engine.TaskRequest;
import dev.stepwise.support.TestClock;
import dev.stepwise.task.HttpTaskDispatcher.CallContext;
import java.io.IOException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connections named by {@code Authentication.ConnectionArn}, against real endpoints. */
class TaskConnectionsTests {
  private static final CallContext CONTEXT = new CallContext("exec-1", "exec-1/S/1");
  private static final String ARN = "arn:aws:events:us-east-1:123456789012:connection/%s/0f8a-11";

  private TestServer api;
  private TestServer tokens;
  private final TestClock clock = new TestClock();
  private HttpTaskDispatcher dispatcher;
  private TaskConnections connections;

  @BeforeEach
  void start() throws IOException {
    api = new TestServer();
    tokens = new TestServer();
    api.answer(200, "application/json", "{}");
    tokens.answer(
        200,
        "application/json",
        "{\"access_token\":\"tok-s3cr3t\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
    var properties = TaskProperties.defaults();
    connections =
        new TaskConnections(
            new ConnectionProperties(
                List.of(
                    connection("basic-one", "basic", "svc", "b4sic-s3cr3t", null, null, null),
                    connection("key-one", "api-key", null, null, "X-Api-Key", "k3y-s3cr3t", null),
                    connection(
                        "oauth-one",
                        "oauth-client-credentials",
                        null,
                        null,
                        null,
                        null,
                        tokens.url("/oauth/token")))),
            properties,
            clock);
    dispatcher =
        new HttpTaskDispatcher(
            new TaskRoutes(properties),
            properties,
            AwsAccount.defaults(),
            262_144,
            EgressPolicy.permissive(),
            connections);
  }

  @AfterEach
  void stop() {
    dispatcher.close();
    connections.close();
    api.close();
    tokens.close();
  }

  private static ConnectionProperties.Connection connection(
      String name,
      String type,
      String user,
      String password,
      String header,
      String value,
      String tokenUrl) {
    return new ConnectionProperties.Connection(
        name, type, user, password, header, value, tokenUrl, "client-7", "cl13nt-s3cr3t", "read");
  }

  private Map<String, Object> invoke(String connection) {
    var parameters = new LinkedHashMap<String, Object>();
    parameters.put("ApiEndpoint", api.url("/v1/things"));
    parameters.put("Method", "GET");
    parameters.put("Authentication", Map.of("ConnectionArn", ARN.formatted(connection)));
    return parameters;
  }

  private TaskOutcome call(Object payload) {
    return dispatcher.call(
        new TaskRequest("S", TaskRoutes.HTTP_INVOKE, payload, 1, Duration.ofSeconds(5)), CONTEXT);
  }

  @Test
  void basicSendsTheConfiguredUserAndPassword() {
    assertThat(call(invoke("basic-one"))).isInstanceOf(TaskOutcome.Succeeded.class);

    String expected = Base64.getEncoder().encodeToString("svc:b4sic-s3cr3t".getBytes(UTF_8));
    assertThat(api.request().headers().getFirst("Authorization")).isEqualTo("Basic " + expected);
  }

  @Test
  void apiKeySendsItsHeader() {
    call(invoke("key-one"));

    assertThat(api.request().headers().getFirst("X-Api-Key")).isEqualTo("k3y-s3cr3t");
  }

  @Test
  void oauthFetchesOneTokenAndUsesItUntilShortlyBeforeItExpires() {
    call(invoke("oauth-one"));
    call(invoke("oauth-one"));

    assertThat(tokens.requests()).hasSize(1);
    var tokenRequest = tokens.request();
    assertThat(tokenRequest.uri().getPath()).isEqualTo("/oauth/token");
    assertThat(tokenRequest.body())
        .contains("grant_type=client_credentials")
        .contains("scope=read");
    String client = Base64.getEncoder().encodeToString("client-7:cl13nt-s3cr3t".getBytes(UTF_8));
    assertThat(tokenRequest.headers().getFirst("Authorization")).isEqualTo("Basic " + client);
    assertThat(api.requests())
        .extracting(r -> r.headers().getFirst("Authorization"))
        .containsExactly("Bearer tok-s3cr3t", "Bearer tok-s3cr3t");

    clock.advance(Duration.ofSeconds(3600 - 29));
    call(invoke("oauth-one"));

    assertThat(tokens.requests()).as("renewed before it expires").hasSize(2);
  }

  @Test
  void aFailingTokenEndpointFailsTheStateWithACatchableErrorAndSendsNothing() {
    tokens.answer(401, "application/json", "{\"error\":\"invalid_client\"}");

    var outcome = (TaskOutcome.Failed) call(invoke("oauth-one"));

    assertThat(outcome.error()).isEqualTo("Stepwise.ConnectionFailed");
    assertThat(outcome.cause()).contains("oauth-one").contains("401").doesNotContain("s3cr3t");
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void anUnknownConnectionIsARuntimeErrorAndNothingIsSent() {
    var outcome = (TaskOutcome.Failed) call(invoke("nope"));

    assertThat(outcome.error()).isEqualTo("States.Runtime");
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void aTraceLeavesCredentialsOutUnlessSecretsAreRevealed() {
    var parameters = invoke("key-one");
    parameters.put("Headers", Map.of("Authorization", "Bearer own-s3cr3t"));

    var hidden =
        dispatcher.trace(
            new TaskRequest("S", TaskRoutes.HTTP_INVOKE, parameters, 1, Duration.ofSeconds(5)),
            CONTEXT,
            false);

    assertThat(Json.write(hidden.exchange())).doesNotContain("s3cr3t");
    assertThat(api.request().headers().getFirst("Authorization")).isEqualTo("Bearer own-s3cr3t");
  }

  @Test
  void connectionArnsAreReadByTheirNamePart() {
    assertThat(TaskConnections.nameOf(ARN.formatted("payments"))).isEqualTo("payments");
    assertThat(TaskConnections.nameOf("arn:aws:events:eu-west-1:1:connection/payments"))
        .isEqualTo("payments");
    assertThat(TaskConnections.nameOf("arn:aws:lambda:eu-west-1:1:function:x")).isNull();
    assertThat(connections.isConfigured(ARN.formatted("key-one"))).isTrue();
    assertThat(connections.isConfigured(ARN.formatted("other"))).isFalse();
  }

  @Test
  void aConnectionMissingWhatItsTypeNeedsIsAConfigurationError() {
    var incomplete =
        new ConnectionProperties(
            List.of(connection("k", "api-key", null, null, "X-Key", null, null)));

    assertThatThrownBy(() -> new TaskConnections(incomplete, TaskProperties.defaults(), clock))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'k' needs its value")
        .hasMessageNotContaining("s3cr3t");
  }
}
