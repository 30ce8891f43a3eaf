package dev.stepwise.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.support.Api;
import dev.stepwise.support.StepwiseInstance;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stops under a running Stepwise and comes back: meanwhile the API answers 503 problem
 * details with Retry-After at once, readiness is DOWN and liveness UP without a health request
 * waiting on the database; afterwards everything resumes without a restart, including an execution
 * that was running when the database went away.
 */
class DatabaseOutageIntegrationTests {
  private static final String START_QUICK = "/v1/state-machines/outage-quick/executions";

  private Path data;
  private int port;
  private EmbeddedPostgres postgres;

  @BeforeEach
  void startDatabase() throws IOException {
    data = Files.createTempDirectory("stepwise-outage");
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    postgres = startPostgres();
  }

  @AfterEach
  void stopDatabase() throws IOException {
    if (postgres != null) postgres.close();
    try (var files = Files.walk(data)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }

  /** The same cluster (data directory and port) each time, as a restarted server would be. */
  private EmbeddedPostgres startPostgres() throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .setPort(port)
        .setServerConfig("fsync", "off")
        .start();
  }

  @Test
  void anOutageIsAnsweredQuicklyAndEverythingResumesWhenTheDatabaseReturns() throws IOException {
    try (var stepwise =
        StepwiseInstance.start(
            Map.of(
                "spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "spring.datasource.username", "postgres",
                "spring.datasource.password", ""))) {
      var api = stepwise.api();
      api.createStateMachine(
          "outage-wait",
          """
          {"StartAt": "Nap", "States": {
            "Nap": {"Type": "Wait", "Seconds": 3, "Next": "Done"},
            "Done": {"Type": "Pass", "Result": "rested", "End": true}}}
          """);
      api.createStateMachine(
          "outage-quick",
          "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}");
      String waiting = api.start("outage-wait", Map.of());
      assertThat(health(api, "/actuator/health/readiness").status()).isEqualTo(200);

      postgres.close();
      postgres = null;
      long stoppedAt = System.nanoTime();

      assertRefusedQuickly(api);

      boolean readinessDown = false;
      while (!readinessDown) {
        assertThat(Duration.ofNanos(System.nanoTime() - stoppedAt))
            .as("readiness DOWN within 5 s")
            .isLessThan(Duration.ofSeconds(5));
        readinessDown = health(api, "/actuator/health/readiness").status() == 503;
        assertThat(health(api, "/actuator/health/liveness").status()).isEqualTo(200);
        pause(Duration.ofMillis(200));
      }
      assertThat(health(api, "/actuator/health").status()).isEqualTo(503);
      // Now with no pooled connection left at all: the pool's wait is what bounds the answer.
      assertRefusedQuickly(api);
      assertThat(api.get("/v1/executions/" + waiting).status()).isEqualTo(503);
      for (int i = 0; i < 6; i++) {
        assertThat(health(api, "/actuator/health/readiness").status()).isEqualTo(503);
        assertThat(health(api, "/actuator/health/liveness").status()).isEqualTo(200);
        pause(Duration.ofMillis(500));
      }

      postgres = startPostgres();

      long backAt = System.nanoTime();
      int status;
      do {
        assertThat(Duration.ofNanos(System.nanoTime() - backAt)).isLessThan(Duration.ofSeconds(30));
        pause(Duration.ofMillis(250));
        status = api.post(START_QUICK, Map.of("input", Map.of())).status();
      } while (status != 201);
      while (health(api, "/actuator/health/readiness").status() != 200) {
        assertThat(Duration.ofNanos(System.nanoTime() - backAt)).isLessThan(Duration.ofSeconds(30));
        pause(Duration.ofMillis(250));
      }
      var execution = api.awaitEnd(waiting, Duration.ofSeconds(90));
      assertThat(execution.get("status")).isEqualTo("SUCCEEDED");
      assertThat(execution.get("output")).isEqualTo("rested");
    }
  }

  /** Starting an execution is refused with 503, Retry-After and problem details, at once. */
  private static void assertRefusedQuickly(Api api) {
    long sentAt = System.nanoTime();
    var refused = api.post(START_QUICK, Map.of("input", Map.of()));
    Duration answeredIn = Duration.ofNanos(System.nanoTime() - sentAt);
    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.header("Content-Type")).contains("application/problem+json");
    assertThat(refused.header("Retry-After")).isEqualTo("5");
    assertThat(refused.json().get("detail").toString()).contains("database is unavailable");
    assertThat(answeredIn).as("time to refuse a start").isLessThan(Duration.ofSeconds(6));
  }

  /** A health request, which must never take 2 s or more. */
  private static Api.Response health(Api api, String path) {
    long sentAt = System.nanoTime();
    var response = api.get(path);
    assertThat(Duration.ofNanos(System.nanoTime() - sentAt))
        .as("time to answer " + path)
        .isLessThan(Duration.ofSeconds(2));
    return response;
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
