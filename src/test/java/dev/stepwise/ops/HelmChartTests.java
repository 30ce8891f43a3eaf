package dev.stepwise.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.TemplateCommand;
import dev.stepwise.asl.Json;
import dev.stepwise.ops.HelmChart.Manifests;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Helm chart, linted and rendered by Helm: with its default values it runs as a non-root user
 * on a read-only root file system, probes the health groups, never blocks a node drain, and is safe
 * to expose (API keys, private addresses denied); the production example uses existing Secrets,
 * PgBouncer with a direct URL, autoscaling, an Ingress and a NetworkPolicy.
 */
class HelmChartTests {
  private static Manifests defaults;
  private static Manifests production;

  @BeforeAll
  static void render() {
    defaults = HelmChart.renderDefaults();
    production = HelmChart.render(c -> c.withValuesFile(HelmChart.PRODUCTION_VALUES));
  }

  @Test
  void lintsWithoutErrors() {
    var result = HelmChart.lint();
    assertThat(result.isFailed()).as("%s", result.getMessages()).isFalse();
    assertThat(result.getMessages()).noneMatch(m -> m.contains("[ERROR]"));
  }

  @Test
  void runsAsANonRootUserOnAReadOnlyRootFileSystem() {
    var pod = Yamls.map(defaults.podSpec(), "securityContext");
    assertThat(pod).containsEntry("runAsNonRoot", true).containsKey("fsGroup");
    assertThat((Integer) pod.get("runAsUser")).isPositive();
    var container = Yamls.map(defaults.container(), "securityContext");
    assertThat(container)
        .containsEntry("readOnlyRootFilesystem", true)
        .containsEntry("allowPrivilegeEscalation", false)
        .containsEntry("runAsNonRoot", true);
    assertThat(Yamls.map(container, "capabilities")).containsEntry("drop", List.of("ALL"));
    // What the JVM and Tomcat write goes to a writable /tmp.
    assertThat(Yamls.list(defaults.container(), "volumeMounts"))
        .anyMatch(m -> "/tmp".equals(m.get("mountPath")));
    assertThat(Yamls.list(defaults.podSpec(), "volumes"))
        .anyMatch(v -> "tmp".equals(v.get("name")) && v.containsKey("emptyDir"));
  }

  @Test
  void probesTheHealthGroupsAndSetsResources() {
    var container = defaults.container();
    assertThat(Yamls.map(container, "startupProbe", "httpGet").get("path"))
        .isEqualTo("/actuator/health/liveness");
    assertThat(Yamls.map(container, "livenessProbe", "httpGet").get("path"))
        .isEqualTo("/actuator/health/liveness");
    assertThat(Yamls.map(container, "readinessProbe", "httpGet").get("path"))
        .isEqualTo("/actuator/health/readiness");
    assertThat(Yamls.map(container, "resources", "limits")).containsKey("memory");
    assertThat(Yamls.map(container, "resources", "requests")).containsKeys("cpu", "memory");
  }

  @Test
  void runsUnderItsOwnServiceAccountWithoutAnApiToken() {
    var account = defaults.one("ServiceAccount");
    assertThat(defaults.podSpec())
        .containsEntry("serviceAccountName", Yamls.map(account, "metadata").get("name"))
        .containsEntry("automountServiceAccountToken", false);
  }

  @Test
  void aDisruptionBudgetNeverBlocksANodeDrainWithOneReplica() {
    var single = HelmChart.render(c -> c.set("replicaCount", 1));
    var spec = Yamls.map(single.one("PodDisruptionBudget"), "spec");
    assertThat(spec).containsEntry("maxUnavailable", 1).doesNotContainKey("minAvailable");
    assertThat(Yamls.map(single.one("Deployment"), "spec")).containsEntry("replicas", 1);
  }

  @Test
  void givesTheJvmTheMemorySettingsTheBenchmarkMeasures() {
    var env = defaults.literalEnv();
    assertThat(env)
        .containsEntry("MALLOC_ARENA_MAX", "2")
        .containsEntry("BPL_JVM_THREAD_COUNT", "50")
        .containsKey("JAVA_TOOL_OPTIONS");
    assertThat(env.get("JAVA_TOOL_OPTIONS")).contains("-XX:ReservedCodeCacheSize=96M");
    var limits = Yamls.map(Yamls.map(defaults.container(), "resources"), "limits");
    assertThat(limits).containsEntry("memory", "512Mi");
  }

  @Test
  void isSafeToExposeWithItsDefaultValues() {
    var env = defaults.literalEnv();
    assertThat(env)
        .containsEntry("STEPWISE_SECURITY_MODE", "api-key")
        .containsEntry("STEPWISE_TASKS_EGRESS_ALLOW_PRIVATE", "false")
        .containsEntry("STEPWISE_EMBEDDED_POSTGRES_ENABLED", "false")
        .doesNotContainKey("SERVER_ADDRESS");
    var key = Yamls.map(defaults.envVar("STEPWISE_SECURITY_API_KEYS_0_KEY"), "valueFrom");
    assertThat(Yamls.map(key, "secretKeyRef")).containsEntry("name", "stepwise-api-keys");
    assertThat(Yamls.map(defaults.one("Secret"), "metadata"))
        .containsEntry("name", "stepwise-api-keys");
    assertThat(defaults.has("HorizontalPodAutoscaler")).isFalse();
    assertThat(defaults.has("Ingress")).isFalse();
    assertThat(defaults.has("NetworkPolicy")).isFalse();
  }

  @Test
  void theProductionExampleTakesItsSecretsFromExistingSecrets() {
    var password = Yamls.map(production.envVar("SPRING_DATASOURCE_PASSWORD"), "valueFrom");
    assertThat(Yamls.map(password, "secretKeyRef"))
        .containsEntry("name", "stepwise-db")
        .containsEntry("key", "password");
    var key = Yamls.map(production.envVar("STEPWISE_SECURITY_API_KEYS_1_KEY_SHA256"), "valueFrom");
    assertThat(Yamls.map(key, "secretKeyRef"))
        .containsEntry("name", "stepwise-api-keys")
        .containsEntry("key", "orders-sha256");
    assertThat(production.literalEnv())
        .containsEntry("STEPWISE_SECURITY_API_KEYS_1_PREFIX", "orders-");
    // Neither a generated key Secret nor a password Secret: both exist already.
    assertThat(production.ofKind("Secret")).isEmpty();
  }

  @Test
  void theProductionExampleRunsBehindPgBouncerWithADirectUrlForMigrationsAndListen() {
    var env = production.literalEnv();
    assertThat(env.get("SPRING_DATASOURCE_URL")).contains(":6432/").contains("prepareThreshold=0");
    assertThat(env)
        .containsEntry(
            "STEPWISE_QUEUE_LISTEN_URL", "jdbc:postgresql://postgres.db.svc:5432/stepwise")
        .containsEntry("SPRING_FLYWAY_URL", "jdbc:postgresql://postgres.db.svc:5432/stepwise")
        .containsEntry("SPRING_FLYWAY_USER", "stepwise");
    assertThat(production.envVar("SPRING_FLYWAY_PASSWORD")).isNotNull();
  }

  @Test
  void withoutADirectUrlTheClaimerCanBeToldToPoll() {
    var polling = HelmChart.render(c -> c.set("stepwise.queue.listen", false));

    assertThat(polling.literalEnv()).containsEntry("STEPWISE_QUEUE_LISTEN", "false");
    assertThat(defaults.literalEnv())
        .doesNotContainKeys(
            "STEPWISE_QUEUE_LISTEN", "STEPWISE_QUEUE_LISTEN_URL", "SPRING_FLYWAY_URL");
  }

  @Test
  void theProductionExampleScalesOnCpuAndQueueLag() {
    var spec = Yamls.map(production.one("HorizontalPodAutoscaler"), "spec");
    assertThat(spec).containsEntry("minReplicas", 3).containsEntry("maxReplicas", 8);
    var metrics = Yamls.list(spec, "metrics");
    assertThat(metrics).extracting(m -> m.get("type")).containsExactly("Resource", "Pods");
    assertThat(Yamls.map(metrics.get(1), "pods", "metric"))
        .containsEntry("name", "stepwise_queue_lag_seconds");
    // The autoscaler owns the replica count.
    assertThat(Yamls.map(production.one("Deployment"), "spec")).doesNotContainKey("replicas");
  }

  @Test
  void theProductionExampleHasAnIngressANetworkPolicyAndMonitoring() {
    var ingress = Yamls.map(production.one("Ingress"), "spec");
    assertThat(ingress).containsEntry("ingressClassName", "nginx").containsKey("tls");
    var policy = Yamls.map(production.one("NetworkPolicy"), "spec");
    assertThat(policy.get("policyTypes")).isEqualTo(List.of("Ingress", "Egress"));
    assertThat(Yamls.list(policy, "egress")).hasSizeGreaterThanOrEqualTo(3);
    assertThat(production.has("ServiceMonitor")).isTrue();
    assertThat(production.has("PrometheusRule")).isTrue();
    assertThat(production.ofKind("ConfigMap"))
        .anyMatch(c -> "1".equals(Yamls.map(c, "metadata", "labels").get("grafana_dashboard")));
  }

  @Test
  void consoleSignInBecomesTheConsoleClientRegistrationWithItsSecretFromASecret() {
    var chart =
        HelmChart.render(
            c ->
                consoleSignIn(c)
                    .set("security.oidc.console.existingSecret", "stepwise-console")
                    .set("security.oidc.console.scopes[0]", "openid")
                    .set("security.oidc.console.scopes[1]", "profile")
                    .set("security.oidc.console.scopes[2]", "roles")
                    .set("security.oidc.console.loginIdleTimeout", "2h"));

    assertThat(chart.literalEnv())
        .containsEntry("STEPWISE_SECURITY_MODE", "oidc")
        .containsEntry(
            "SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_CONSOLE_ISSUERURI",
            "https://sso.example.com/realms/ops")
        .containsEntry("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_CONSOLE_CLIENTID", "console-ui")
        .containsEntry(
            "SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_CONSOLE_SCOPE", "openid,profile,roles")
        .containsEntry(
            "SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_CONSOLE_REDIRECTURI",
            "{baseUrl}/console/login/oauth2/code/{registrationId}")
        .containsEntry("STEPWISE_SECURITY_OIDC_LOGINIDLETIMEOUT", "2h")
        .doesNotContainKey("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_CONSOLE_CLIENTSECRET");
    var secret =
        Yamls.map(
            chart.envVar("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_CONSOLE_CLIENTSECRET"),
            "valueFrom",
            "secretKeyRef");
    assertThat(secret)
        .containsEntry("name", "stepwise-console")
        .containsEntry("key", "client-secret");
    assertThat(chart.ofKind("Secret"))
        .noneMatch(s -> "stepwise-console-client".equals(Yamls.map(s, "metadata").get("name")));
  }

  @Test
  @SuppressWarnings("unchecked")
  void anInlineConsoleClientSecretGoesToASecretOfTheChart() {
    var chart =
        HelmChart.render(c -> consoleSignIn(c).set("security.oidc.console.clientSecret", "s3"));

    var generated =
        chart.ofKind("Secret").stream()
            .filter(s -> "stepwise-console-client".equals(Yamls.map(s, "metadata").get("name")))
            .findFirst()
            .orElseThrow();
    assertThat((Map<String, Object>) generated.get("data")).containsEntry("client-secret", "czM=");
    var secret =
        Yamls.map(
            chart.envVar("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_CONSOLE_CLIENTSECRET"),
            "valueFrom",
            "secretKeyRef");
    assertThat(secret).containsEntry("name", "stepwise-console-client");
  }

  @Test
  void withoutConsoleSignInNoClientRegistrationIsRendered() {
    var bearerOnly =
        HelmChart.render(
            c ->
                c.set("security.mode", "oidc")
                    .set("security.oidc.issuerUri", "https://sso.example.com/realms/ops"));

    for (var chart : List.of(defaults, bearerOnly)) {
      assertThat(chart.container().toString())
          .doesNotContain("SPRING_SECURITY_OAUTH2_CLIENT_")
          .doesNotContain("LOGINIDLETIMEOUT");
      assertThat(chart.ofKind("Secret"))
          .noneMatch(s -> "stepwise-console-client".equals(Yamls.map(s, "metadata").get("name")));
    }
    assertThatThrownBy(
            () ->
                HelmChart.render(
                    c ->
                        consoleSignIn(c)
                            .set("security.mode", "api-key")
                            .set("security.oidc.console.clientSecret", "s3")))
        .hasMessageContaining("needs security.mode oidc");
    assertThatThrownBy(() -> HelmChart.render(HelmChartTests::consoleSignIn))
        .hasMessageContaining("clientSecret or existingSecret");
  }

  /** Console sign-in turned on in mode oidc, its issuer the bearer tokens' one; no secret yet. */
  private static TemplateCommand consoleSignIn(TemplateCommand c) {
    return c.set("security.mode", "oidc")
        .set("security.oidc.issuerUri", "https://sso.example.com/realms/ops")
        .set("security.oidc.console.enabled", true)
        .set("security.oidc.console.clientId", "console-ui");
  }

  @Test
  @SuppressWarnings("unchecked")
  void anyOtherPropertyIsReachableThroughConfig() {
    String json = production.literalEnv().get("SPRING_APPLICATION_JSON");
    var config = (Map<String, Object>) Json.parse(json);
    assertThat(Yamls.map(config, "stepwise", "admission"))
        .containsEntry("max-concurrent-starts", 12);
    assertThat(defaults.literalEnv()).doesNotContainKey("SPRING_APPLICATION_JSON");
  }

  @Test
  void theSchemaRejectsBadValues() {
    assertThatThrownBy(() -> HelmChart.render(c -> c.set("security.mode", "open")))
        .hasMessageContaining("mode");
    assertThatThrownBy(() -> HelmChart.render(c -> c.set("stepwise.queue.lease", "thirty")))
        .hasMessageContaining("lease");
    assertThatThrownBy(() -> HelmChart.render(c -> c.set("replicas", 3)))
        .hasMessageContaining("replicas");
  }

  @Test
  void refusesToRenderWithoutADatabase() {
    assertThatThrownBy(() -> HelmChart.render(c -> c.set("database.url", "")))
        .hasMessageContaining("/database/url");
  }
}
