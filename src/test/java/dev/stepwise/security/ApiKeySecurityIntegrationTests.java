package dev.stepwise.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.support.Api;
import dev.stepwise.support.StepwiseInstance;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Mode {@code api-key} on the native API: 401 without or with a wrong key, each role's boundary,
 * prefixes on reads, starts and lists, who started and stopped an execution, the audit lines, and
 * no plaintext key anywhere in the logs (security's own DEBUG logging included).
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiKeySecurityIntegrationTests {
  static final String VIEWER = "viewer-key-5d2c0a9e8f7b6a51";
  static final String OPERATOR = "operator-key-1a2b3c4d5e6f7a8b";
  static final String AUTHOR = "author-key-9f8e7d6c5b4a3f2e";
  static final String ADMIN = "admin-key-0011223344556677";
  static final String TEAM_A = "team-a-key-8899aabbccddeeff";
  static final String PASS =
      "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";
  static final String WAIT =
      "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":3600,\"End\":true}}}";

  static StepwiseInstance stepwise;
  static CapturedOutput output;
  static String startupLog;

  @BeforeAll
  static void start(CapturedOutput captured) {
    output = captured;
    var properties = new HashMap<String, Object>();
    properties.put("stepwise.security.mode", "api-key");
    key(properties, 0, "alice-viewer", VIEWER, "viewer", null);
    key(properties, 1, "olga-operator", OPERATOR, "operator", null);
    key(properties, 2, "arno-author", AUTHOR, "author", null);
    key(properties, 3, "root", ADMIN, "admin", null);
    key(properties, 4, "team-a", TEAM_A, "operator,author", "team-a-");
    // The security log at its most talkative: even there no key may show.
    properties.put("logging.level.org.springframework.security", "DEBUG");
    properties.put("logging.level.dev.stepwise.security", "DEBUG");
    properties.put("logging.level.stepwise.audit", "INFO");
    stepwise = StepwiseInstance.start(properties);
    startupLog = captured.getAll();
  }

  static void key(
      Map<String, Object> properties, int i, String name, String key, String roles, String prefix) {
    String at = "stepwise.security.api-keys[" + i + "].";
    properties.put(at + "name", name);
    // One key configured by its hash, as operators are told to do.
    if (i == 1) {
      properties.put(at + "key-sha256", java.util.HexFormat.of().formatHex(ApiKeys.sha256(key)));
    } else {
      properties.put(at + "key", key);
    }
    properties.put(at + "roles", roles);
    if (prefix != null) properties.put(at + "prefix", prefix);
  }

  @AfterAll
  static void stop() {
    stepwise.close();
  }

  static Api as(String key) {
    return stepwise.api().withBearer(key);
  }

  @Test
  void noKeyAndAWrongKeyAre401ProblemDetails() {
    var none = stepwise.api().get("/v1/state-machines");
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.header("Content-Type")).startsWith("application/problem+json");
    assertThat(none.json()).containsEntry("status", 401).containsEntry("title", "Unauthorized");
    assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");

    var wrong = as("not-a-key-of-this-service").get("/v1/state-machines");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.json()).containsEntry("status", 401);
    assertThat(wrong.header("WWW-Authenticate")).contains("invalid_token");

    var unauthenticatedStart =
        stepwise.api().post("/v1/state-machines/anything/executions", Map.of());
    assertThat(unauthenticatedStart.status()).isEqualTo(401);
  }

  @Test
  void eachRoleDoesWhatItMayAndIsRefusedTheRestWith403() {
    assertThat(
            as(AUTHOR)
                .post("/v1/state-machines", Map.of("name", "roles", "definition", PASS))
                .status())
        .isEqualTo(201);

    // viewer: reads only
    assertThat(as(VIEWER).get("/v1/state-machines/roles").status()).isEqualTo(200);
    var viewerStart = as(VIEWER).post("/v1/state-machines/roles/executions", Map.of());
    assertThat(viewerStart.status()).isEqualTo(403);
    assertThat(viewerStart.header("Content-Type")).startsWith("application/problem+json");
    assertThat(viewerStart.json()).containsEntry("status", 403).containsEntry("title", "Forbidden");

    // operator: starts, but defines nothing
    var started = as(OPERATOR).post("/v1/state-machines/roles/executions", Map.of());
    assertThat(started.status()).isEqualTo(201);
    // Every call carries its key: nothing is remembered between calls, no cookie is set.
    assertThat(started.header("Set-Cookie")).isNull();
    assertThat(viewerStart.header("Set-Cookie")).isNull();
    assertThat(
            as(OPERATOR)
                .post("/v1/state-machines", Map.of("name", "roles-2", "definition", PASS))
                .status())
        .isEqualTo(403);
    assertThat(as(OPERATOR).delete("/v1/state-machines/roles").status()).isEqualTo(403);
    assertThat(as(OPERATOR).get("/v1/executions?stateMachine=roles").status()).isEqualTo(200);

    // author: defines, but runs nothing
    assertThat(as(AUTHOR).post("/v1/state-machines/roles/executions", Map.of()).status())
        .isEqualTo(403);
    assertThat(as(AUTHOR).get("/v1/state-machines/roles").status()).isEqualTo(200);
    assertThat(
            as(AUTHOR)
                .post(
                    "/v1/test-state",
                    Map.of("definition", Map.of("Type", "Pass", "End", true), "input", Map.of()))
                .status())
        .isEqualTo(200);

    // admin: everything
    assertThat(as(ADMIN).post("/v1/state-machines/roles/executions", Map.of()).status())
        .isEqualTo(201);
    assertThat(as(ADMIN).delete("/v1/state-machines/roles").status()).isEqualTo(204);
  }

  @Test
  void executionsRecordWhoStartedAndWhoStoppedThemAndTheAuditLogSaysSo() {
    as(ADMIN).post("/v1/state-machines", Map.of("name", "audited", "definition", WAIT));
    var started =
        as(OPERATOR).post("/v1/state-machines/audited/executions", Map.of("name", "run-1")).json();
    assertThat(started).containsEntry("startedBy", "olga-operator").doesNotContainKey("stoppedBy");
    String id = (String) started.get("executionId");
    var stopped = as(ADMIN).post("/v1/executions/" + id + "/stop", Map.of()).json();
    assertThat(stopped)
        .containsEntry("status", "ABORTED")
        .containsEntry("startedBy", "olga-operator")
        .containsEntry("stoppedBy", "root");
    assertThat(as(VIEWER).get("/v1/executions/" + id).json()).containsEntry("stoppedBy", "root");

    as(VIEWER).post("/v1/executions/" + id + "/redrive", Map.of());
    assertThat(output.getOut())
        .contains(
            "principal=olga-operator action=StartExecution"
                + " target=/v1/state-machines/audited/executions outcome=succeeded")
        .contains(
            "principal=root action=StopExecution target=/v1/executions/"
                + id
                + "/stop outcome=succeeded")
        .contains(
            "principal=alice-viewer action=RedriveExecution target=/v1/executions/"
                + id
                + "/redrive outcome=denied");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aPrefixConfinesReadsStartsAndLists() {
    as(ADMIN).post("/v1/state-machines", Map.of("name", "team-b-orders", "definition", PASS));
    String theirs =
        (String)
            as(ADMIN)
                .post("/v1/state-machines/team-b-orders/executions", Map.of())
                .json()
                .get("executionId");

    // Creating outside the prefix is refused, inside allowed.
    assertThat(
            as(TEAM_A)
                .post("/v1/state-machines", Map.of("name", "team-b-x", "definition", PASS))
                .status())
        .isEqualTo(403);
    assertThat(
            as(TEAM_A)
                .post("/v1/state-machines", Map.of("name", "team-a-orders", "definition", PASS))
                .status())
        .isEqualTo(201);
    String mine =
        (String)
            as(TEAM_A)
                .post("/v1/state-machines/team-a-orders/executions", Map.of())
                .json()
                .get("executionId");

    // Reads and starts of another team's state machine and execution are refused.
    assertThat(as(TEAM_A).get("/v1/state-machines/team-b-orders").status()).isEqualTo(403);
    assertThat(as(TEAM_A).post("/v1/state-machines/team-b-orders/executions", Map.of()).status())
        .isEqualTo(403);
    assertThat(as(TEAM_A).get("/v1/executions/" + theirs).status()).isEqualTo(403);
    assertThat(as(TEAM_A).get("/v1/executions/" + theirs + "/history").status()).isEqualTo(403);
    assertThat(as(TEAM_A).get("/v1/executions?stateMachine=team-b-orders").status()).isEqualTo(403);
    assertThat(as(TEAM_A).get("/v1/executions/" + mine).status()).isEqualTo(200);

    // Lists hold the team's own only (the database may hold other tests' state machines too).
    var machines =
        (List<Map<String, Object>>)
            as(TEAM_A).get("/v1/state-machines?pageSize=1000").json().get("items");
    assertThat(machines)
        .extracting(m -> (String) m.get("name"))
        .contains("team-a-orders")
        .allMatch(name -> name.startsWith("team-a-"));
    var executions =
        (List<Map<String, Object>>)
            as(TEAM_A).get("/v1/executions?pageSize=1000").json().get("items");
    assertThat(executions)
        .extracting(e -> (String) e.get("executionId"))
        .contains(mine)
        .doesNotContain(theirs);
    assertThat(executions)
        .extracting(e -> (String) e.get("stateMachine"))
        .allMatch(name -> name.startsWith("team-a-"));
    var all =
        (List<Map<String, Object>>)
            as(ADMIN).get("/v1/executions?stateMachine=team-b-orders").json().get("items");
    assertThat(all).extracting(e -> e.get("executionId")).contains(theirs);
  }

  @Test
  void healthAndPrometheusArePublicInfoNeedsAViewer() {
    assertThat(stepwise.api().get("/actuator/health").status()).isEqualTo(200);
    assertThat(stepwise.api().text("/actuator/prometheus")).contains("jvm_");
    assertThat(stepwise.api().get("/actuator/info").status()).isEqualTo(401);
    var info = as(VIEWER).get("/actuator/info");
    assertThat(info.status()).isEqualTo(200);
    assertThat(info.json()).containsKey("build");
    assertThat(stepwise.api().get("/actuator/metrics").status()).isIn(401, 404);
    assertThat(as(ADMIN).get("/actuator/metrics").status()).isEqualTo(404);
  }

  @Test
  void theConsoleShellIsPublicItsDataIsNot() {
    assertThat(stepwise.api().text("/")).contains("<html");
    assertThat(stepwise.api().text("/executions")).contains("<html");
    assertThat(stepwise.api().get("/console/api/overview").status()).isEqualTo(401);
    assertThat(as(VIEWER).get("/console/api/overview").status()).isEqualTo(200);
    // The waiting Tasks it lists carry their task tokens: an operator's, not a viewer's.
    assertThat(as(VIEWER).get("/console/api/approvals").status()).isEqualTo(403);
    assertThat(as(OPERATOR).get("/console/api/approvals").status()).isEqualTo(200);
  }

  @Test
  void keysAreKeptHashedAndNeverLogged() {
    ApiKeys keys = stepwise.bean(ApiKeys.class);
    assertThat(keys.size()).isEqualTo(5);
    assertThat(keys.hashes())
        .contains(java.util.HexFormat.of().formatHex(ApiKeys.sha256(ADMIN)))
        .noneMatch(h -> h.contains(ADMIN) || h.contains(VIEWER));
    // Calls with every key, right and wrong, then the whole log so far.
    for (String key : List.of(VIEWER, OPERATOR, AUTHOR, ADMIN, TEAM_A)) {
      as(key).get("/v1/state-machines");
      as(key + "-wrong").post("/v1/state-machines", Map.of("name", "x", "definition", PASS));
    }
    String log = startupLog + output.getAll();
    assertThat(log)
        .contains("principal=anonymous action=CreateStateMachine")
        .contains("Security mode api-key: 5 API keys");
    for (String key : List.of(VIEWER, OPERATOR, AUTHOR, ADMIN, TEAM_A)) {
      assertThat(log).doesNotContain(key);
    }
  }
}
