package dev.stepwise.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stepwise.support.Api;
import dev.stepwise.support.StepwiseInstance;
import dev.stepwise.support.TestEndpoint;
import dev.stepwise.support.TestEndpoint.Answer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real workload (a Task against a stub endpoint and a Wait, a failure after a retry, a callback,
 * an execution stopped while its Task waits on the endpoint, more state machines than have a tag of
 * their own) in the real service, then its Prometheus scrape: every metric the dashboard and the
 * alert rules read is there, the histograms have their few buckets, and the {@code state_machine}
 * tag is bounded.
 */
class ObservabilityIntegrationTests {
  private static final Duration END = Duration.ofSeconds(30);
  private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]");

  static TestEndpoint endpoint;
  static StepwiseInstance stepwise;
  static Api api;
  static String scrape;

  @BeforeAll
  static void runAWorkload() {
    endpoint = new TestEndpoint();
    endpoint.echo("/echo");
    endpoint.on("/fail", call -> new Answer(500, Map.of("error", "Broken", "cause", "on purpose")));
    endpoint.on("/approve", call -> Answer.ok(Map.of()));
    var release = new CountDownLatch(1);
    endpoint.on(
        "/hold",
        call -> {
          try {
            release.await(20, TimeUnit.SECONDS); // the endpoint is slow, not the test
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return Answer.ok(Map.of("late", true));
        });
    // Three state machines get a tag of their own; the others share "_other".
    stepwise = StepwiseInstance.start(Map.of("stepwise.metrics.max-state-machine-tags", 3));
    api = stepwise.api();

    String taskAndWait =
        create(
            "task-wait",
            """
        {"StartAt": "Call", "States": {
          "Call": {"Type": "Task", "Resource": "%s", "Next": "Pause"},
          "Pause": {"Type": "Wait", "Seconds": 1, "Next": "Done"},
          "Done": {"Type": "Pass", "End": true}}}
        """
                .formatted(endpoint.url("/echo")));
    String failing =
        create(
            "failing",
            """
        {"StartAt": "Call", "States": {
          "Call": {"Type": "Task", "Resource": "%s",
            "Retry": [{"ErrorEquals": ["Broken"], "IntervalSeconds": 1, "MaxAttempts": 1}],
            "End": true}}}
        """
                .formatted(endpoint.url("/fail")));
    String callback =
        create(
            "callback",
            """
        {"StartAt": "Approve", "States": {
          "Approve": {"Type": "Task", "Resource": "%s.waitForTaskToken",
            "Parameters": {"token.$": "$$.Task.Token"}, "End": true}}}
        """
                .formatted(endpoint.url("/approve")));
    String held =
        create(
            "held",
            """
        {"StartAt": "Call", "States": {"Call": {"Type": "Task", "Resource": "%s", "End": true}}}
        """
                .formatted(endpoint.url("/hold")));
    String overflow =
        create(
            "overflow",
            """
        {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}
        """);

    String waited = api.start(taskAndWait, Map.of("n", 1));
    String failed = api.start(failing, Map.of("n", 2));
    String answered = api.start(callback, Map.of("n", 3));
    String stopped = api.start(held, Map.of("n", 4));
    String other = api.start(overflow, Map.of("n", 5));

    // Stopped while its Task waits on the endpoint: the late answer is dropped (queue.dropped).
    await().atMost(END).until(() -> !endpoint.calls("/hold").isEmpty());
    assertThat(api.post("/v1/executions/" + stopped + "/stop", Map.of()).status()).isEqualTo(200);
    assertThat(api.awaitEnd(stopped, END).get("status")).isEqualTo("ABORTED");
    release.countDown();
    await()
        .atMost(END)
        .until(() -> api.text("/actuator/prometheus").contains("stepwise_queue_dropped_total"));

    assertThat(api.awaitEnd(waited, END).get("status")).isEqualTo("SUCCEEDED");
    assertThat(api.awaitEnd(failed, END).get("status")).isEqualTo("FAILED");
    assertThat(api.awaitEnd(other, END).get("status")).isEqualTo("SUCCEEDED");
    api.awaitEvent(answered, "TaskSubmitted", END);
    // The open callback is counted before it is answered.
    await()
        .atMost(END)
        .until(
            () -> {
              scrape = api.text("/actuator/prometheus");
              return Pattern.compile(
                      "stepwise_callbacks_open\\{state_machine=\"" + tag(callback) + "\"} [1-9]")
                  .matcher(scrape)
                  .find();
            });
    String token = (String) ((Map<?, ?>) endpoint.calls("/approve").getFirst().body()).get("token");
    assertThat(
            api.post("/v1/task-tokens/success", Map.of("taskToken", token, "output", Map.of()))
                .status())
        .isEqualTo(200);
    assertThat(api.awaitEnd(answered, END).get("status")).isEqualTo("SUCCEEDED");
    // The GC pause timer appears with the first collection, which a short workload may not need.
    System.gc();
    await()
        .atMost(END)
        .until(() -> api.text("/actuator/prometheus").contains("jvm_gc_pause_seconds_sum"));
    scrape = api.text("/actuator/prometheus");
  }

  @AfterAll
  static void stop() {
    if (stepwise != null) stepwise.close();
    if (endpoint != null) endpoint.close();
  }

  private static String create(String prefix, String definition) {
    String name = "obs-" + prefix + "-" + RUN;
    api.createStateMachine(name, definition);
    return name;
  }

  /**
   * The {@code state_machine} tag value of a state machine: its name, or "_other" past the limit.
   * With the test's own database, the first three state machines started have their own; on a
   * database shared with earlier tests (the testcontainers profile), state machines with callbacks
   * still open there may have taken some of the three first.
   */
  private static String tag(String stateMachine) {
    return scrape.contains("state_machine=\"" + stateMachine + "\"") ? stateMachine : "_other";
  }

  /** The metric names the scrape serves (sample names, so with histograms' suffixes). */
  private static Set<String> served() {
    return scrape
        .lines()
        .map(SAMPLE::matcher)
        .filter(java.util.regex.Matcher::find)
        .map(m -> m.group(1))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void everyMetricTheDashboardAndTheAlertsReadIsServed() {
    Set<String> wanted = OpsFiles.metricNames();
    assertThat(wanted).hasSizeGreaterThan(20);
    assertThat(served()).containsAll(wanted);
  }

  @Test
  void timersAreHistogramsWithBoundedBuckets() {
    for (String histogram :
        new String[] {
          "stepwise_execution_duration_seconds_bucket",
          "stepwise_task_requests_seconds_bucket",
          "stepwise_queue_item_delay_seconds_bucket",
          "stepwise_step_duration_seconds_bucket"
        }) {
      var buckets =
          scrape
              .lines()
              .filter(l -> l.startsWith(histogram + "{"))
              .map(l -> l.replaceAll(".*le=\"([^\"]+)\".*", "$1"))
              .collect(Collectors.toSet());
      assertThat(buckets).as(histogram).contains("+Inf").hasSizeBetween(10, 20);
    }
    // A Wait of one second started between 0 and 5 s late... and ran at all.
    assertThat(scrape)
        .containsPattern("stepwise_queue_item_delay_seconds_count\\{kind=\"STEP\"} [1-9]")
        .containsPattern("stepwise_step_duration_seconds_count\\{kind=\"TASK\"} [1-9]");
  }

  @Test
  void retriesFailuresAndTheQueueAreCounted() {
    String failing = Pattern.quote(tag("obs-failing-" + RUN));
    assertThat(scrape)
        .containsPattern("stepwise_task_retries_total\\{state_machine=\"" + failing + "\"} 1\\.0")
        .containsPattern(
            "stepwise_task_requests_seconds_count\\{outcome=\"Broken\",state_machine=\""
                + failing
                + "\"} 2")
        .containsPattern(
            "stepwise_executions_finished_total\\{state_machine=\""
                + failing
                + "\",status=\"FAILED\"} 1\\.0")
        .contains("stepwise_queue_claiming 1.0")
        .contains("stepwise_queue_claim_errors_total{reason=\"database_unavailable\"} 0.0")
        .contains("stepwise_queue_leases_taken_over_total 0.0")
        .contains("stepwise_queue_handed_back_total 0.0");
  }

  @Test
  void stateMachinesPastTheLimitShareOneTagValue() {
    // The last state machine started can never have a tag of its own: three came before it.
    assertThat(scrape)
        .containsPattern("stepwise_executions_started_total\\{state_machine=\"_other\"} [1-9]")
        .doesNotContain("obs-overflow-" + RUN);
    var tagged =
        Pattern.compile("state_machine=\"([^\"]+)\"")
            .matcher(scrape)
            .results()
            .map(m -> m.group(1))
            .filter(value -> !value.equals("_other"))
            .collect(Collectors.toSet());
    assertThat(tagged).hasSizeLessThanOrEqualTo(3);
  }
}
