package dev.stepwise.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The dashboard and the alert rules: what their expressions read, that the Helm chart ships the
 * same files, and that Prometheus accepts the rules ({@code promtool check rules}, when installed).
 * {@code ObservabilityIntegrationTests} checks that every metric they name is served.
 */
class OpsFilesTests {

  @Test
  void findsTheMetricNamesOfAnExpression() {
    assertThat(
            PromQl.metricNames(
                "histogram_quantile(0.99, sum by (le, kind) (rate("
                    + "stepwise_queue_item_delay_seconds_bucket{job=~\"$job\",kind=\"a{b}\"}"
                    + "[$__rate_interval])))"))
        .containsExactly("stepwise_queue_item_delay_seconds_bucket");
    assertThat(
            PromQl.metricNames(
                "(sum(stepwise_queue_claiming) or vector(0)) < 1 and on (instance)"
                    + " up offset 5m unless rate(x_total[5m:1m]) > 1/60"))
        .containsExactly("stepwise_queue_claiming", "up", "x_total");
    assertThat(
            PromQl.metricNames("sum without (pod) (jvm_memory_used_bytes{area='heap'}) > bool 0"))
        .containsExactly("jvm_memory_used_bytes");
  }

  @Test
  void theDashboardAndTheAlertsReadStepwiseDatabaseAndJvmMetrics() {
    assertThat(OpsFiles.dashboardExpressions()).hasSizeGreaterThan(20);
    assertThat(OpsFiles.alertExpressions()).hasSize(5);
    assertThat(OpsFiles.metricNames())
        .contains(
            "stepwise_executions_started_total",
            "stepwise_executions_finished_total",
            "stepwise_state_transitions_total",
            "stepwise_task_requests_seconds_bucket",
            "stepwise_task_retries_total",
            "stepwise_queue_depth",
            "stepwise_queue_lag_seconds",
            "stepwise_queue_item_delay_seconds_bucket",
            "stepwise_step_duration_seconds_bucket",
            "stepwise_callbacks_open",
            "stepwise_queue_claiming",
            "stepwise_queue_claim_errors_total",
            "hikaricp_connections_active",
            "jvm_memory_used_bytes",
            "jvm_gc_pause_seconds_sum",
            "jvm_threads_live_threads");
  }

  @Test
  void theHelmChartShipsTheSameDashboardAndRules() {
    assertThat(OpsFiles.read(OpsFiles.CHART_DASHBOARD))
        .isEqualTo(OpsFiles.read(OpsFiles.DASHBOARD));
    assertThat(OpsFiles.read(OpsFiles.CHART_ALERTS)).isEqualTo(OpsFiles.read(OpsFiles.ALERTS));
    assertThat(OpsFiles.read(Path.of("helm/stepwise/templates/grafana-dashboard.yaml")))
        .contains("grafana_dashboard: \"1\"")
        .contains(".Files.Get \"files/stepwise-dashboard.json\"")
        .contains(".Values.grafanaDashboard.enabled");
    assertThat(OpsFiles.read(Path.of("helm/stepwise/templates/prometheusrule.yaml")))
        .contains("kind: PrometheusRule")
        .contains(".Files.Get \"files/stepwise-alerts.yaml\"")
        .contains(".Values.prometheusRule.enabled");
  }

  @Test
  void promtoolAcceptsTheAlertRules() throws Exception {
    Optional<Path> promtool = onPath("promtool");
    assumeTrue(
        promtool.isPresent(),
        "promtool is not installed (Debian package prometheus: apt-get install prometheus);"
            + " the alert rules were not checked");
    Process check =
        new ProcessBuilder(promtool.get().toString(), "check", "rules", OpsFiles.ALERTS.toString())
            .redirectErrorStream(true)
            .start();
    assertThat(check.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
    String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(check.exitValue()).as(output).isZero();
    assertThat(output).contains("SUCCESS: 5 rules found");
  }

  private static Optional<Path> onPath(String command) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String directory : path.split(File.pathSeparator)) {
      Path candidate = Path.of(directory, command);
      if (Files.isExecutable(candidate)) return Optional.of(candidate);
    }
    return Optional.empty();
  }
}
