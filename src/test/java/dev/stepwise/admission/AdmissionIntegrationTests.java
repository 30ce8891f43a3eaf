package dev.stepwise.admission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.support.Api;
import dev.stepwise.support.StepwiseInstance;
import dev.stepwise.support.TestEndpoint;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Backpressure over real HTTP, with tiny limits: an overloaded node answers starts with 429 and
 * {@code Retry-After} instead of queueing them, keeps answering reads and stops, and accepts starts
 * again once the overload is gone. An accepted start always runs to its end; a refused one writes
 * nothing.
 */
class AdmissionIntegrationTests {
  static final TestEndpoint endpoint = new TestEndpoint();
  static final CountDownLatch slowEndpointReleased = new CountDownLatch(1);
  static StepwiseInstance stepwise;
  static Api api;

  @BeforeAll
  static void start() {
    endpoint.on(
        "/slow",
        call -> {
          try {
            slowEndpointReleased.await(60, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return TestEndpoint.Answer.ok(Map.of("done", true));
        });
    stepwise =
        StepwiseInstance.start(
            Map.of(
                // The retention job also waits on the execution table the test locks, and would
                // pass for the held start in awaitLockWaiter.
                "stepwise.retention.enabled",
                false,
                "stepwise.queue.max-in-flight",
                1,
                "stepwise.admission.max-concurrent-starts",
                1,
                "stepwise.admission.max-wait",
                "0ms",
                "stepwise.admission.max-backlog",
                2,
                "stepwise.admission.max-lag",
                "0s",
                "stepwise.admission.retry-after",
                "2s"));
    api = stepwise.api();
  }

  @AfterAll
  static void stop() {
    slowEndpointReleased.countDown();
    stepwise.close();
    endpoint.close();
  }

  @Test
  void aBacklogOverTheLimitRefusesStartsButNotReadsOrStopsUntilItDrains() {
    api.createStateMachine(
        "admission-slow",
        """
        {"StartAt": "Call", "States": {
          "Call": {"Type": "Task", "Resource": "%s", "End": true}}}
        """
            .formatted(endpoint.url("/slow")));

    // One Task runs (the only slot) and hangs on the endpoint; the next ones wait as backlog.
    var accepted = new ArrayList<String>();
    Api.Response refused = startUntil("admission-slow", 429, accepted);

    assertThat(accepted).hasSizeGreaterThanOrEqualTo(4); // 1 running + more than 2 waiting
    assertThrottled(refused, "backlog");
    assertThat(stepwise.api().text("/actuator/prometheus"))
        .containsPattern("stepwise_admission_throttled_total\\{[^}]*reason=\"backlog\"[^}]*} [1-9]")
        .contains("stepwise_queue_running");

    // Reads and stops are never refused.
    assertThat(api.get("/v1/executions/" + accepted.getFirst()).status()).isEqualTo(200);
    assertThat(api.get("/v1/executions?stateMachine=admission-slow").status()).isEqualTo(200);
    String stopped = accepted.getLast();
    var stop = api.post("/v1/executions/" + stopped + "/stop", Map.of());
    assertThat(stop.status()).isEqualTo(200);
    assertThat(stop.json().get("status")).isEqualTo("ABORTED");

    // The endpoint answers again: the backlog drains and starts are accepted again.
    slowEndpointReleased.countDown();
    startUntil("admission-slow", 201, accepted);

    for (String id : accepted) {
      var execution = api.awaitEnd(id, Duration.ofSeconds(30));
      assertThat(execution.get("status")).isEqualTo(id.equals(stopped) ? "ABORTED" : "SUCCEEDED");
    }
    assertThat(executionsOf("admission-slow")).isEqualTo(accepted.size());
  }

  @Test
  void aStartThatCannotGetItsTurnIsRefusedAndTheHeldOneStillRuns() throws Exception {
    api.createStateMachine(
        "admission-pass",
        """
        {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}
        """);
    var dataSource = stepwise.bean(DataSource.class);
    var jdbc = stepwise.bean(JdbcClient.class);
    try (var pool = Executors.newVirtualThreadPerTaskExecutor();
        Connection lock = dataSource.getConnection()) {
      // A stalled database: the first start takes the only permit and waits on the lock.
      lock.setAutoCommit(false);
      lock.createStatement().execute("lock table execution in exclusive mode");
      var held =
          pool.submit(
              () ->
                  api.post("/v1/state-machines/admission-pass/executions", Map.of("name", "held")));
      awaitLockWaiter(jdbc);

      var refused =
          api.post("/v1/state-machines/admission-pass/executions", Map.of("name", "second"));
      assertThrottled(refused, "concurrency");
      assertThat(api.get("/v1/executions?stateMachine=admission-pass").status()).isEqualTo(200);

      lock.rollback();
      var heldResponse = held.get(20, TimeUnit.SECONDS);
      assertThat(heldResponse.status()).isEqualTo(201);
      String id = (String) heldResponse.json().get("executionId");
      assertThat(api.awaitEnd(id, Duration.ofSeconds(20)).get("status")).isEqualTo("SUCCEEDED");
    }
    var again = api.post("/v1/state-machines/admission-pass/executions", Map.of("name", "second"));
    assertThat(again.status()).isEqualTo(201);
    assertThat(executionsOf("admission-pass")).isEqualTo(2);
  }

  private static void assertThrottled(Api.Response response, String reason) {
    assertThat(response.status()).isEqualTo(429);
    assertThat(response.header("Content-Type")).contains("application/problem+json");
    assertThat(response.header("Retry-After")).isEqualTo("2");
    assertThat(response.json())
        .containsEntry("status", 429)
        .containsEntry("title", "Throttled")
        .containsEntry("type", "urn:stepwise:problem:throttling")
        .containsEntry("code", "ThrottlingException")
        .containsEntry("reason", reason)
        .containsEntry("retryAfterSeconds", 2);
    assertThat((String) response.json().get("detail")).contains("try again later");
  }

  /** Starts executions until one answers {@code status}; collects the accepted ones. */
  private static Api.Response startUntil(String stateMachine, int status, List<String> accepted) {
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      var response = api.post("/v1/state-machines/" + stateMachine + "/executions", Map.of());
      if (response.status() == 201) accepted.add((String) response.json().get("executionId"));
      if (response.status() == status) return response;
      assertThat(response.status()).isIn(201, 429);
      pause(100);
    }
    throw new AssertionError("no start answered " + status + " within 30 s");
  }

  @SuppressWarnings("unchecked")
  private static int executionsOf(String stateMachine) {
    var page = api.get("/v1/executions?pageSize=1000&stateMachine=" + stateMachine).json();
    return ((List<Object>) page.get("items")).size();
  }

  private static void awaitLockWaiter(JdbcClient jdbc) {
    Instant deadline = Instant.now().plusSeconds(20);
    while (Instant.now().isBefore(deadline)) {
      long waiting =
          jdbc.sql(
                  "select count(*) from pg_locks l join pg_stat_activity a on a.pid = l.pid"
                      + " where l.relation = 'execution'::regclass and not l.granted"
                      // The start's last statement inserts the row (with its history).
                      + " and a.query ilike '%insert into execution%'")
              .query(Long.class)
              .single();
      if (waiting > 0) return;
      pause(20);
    }
    throw new AssertionError("the first start never reached the database");
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
