package dev.stepwise.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.support.StepwiseProcess;
import dev.stepwise.support.TestEndpoint;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Stopping a replica with SIGTERM while a 15 s Task is in flight, with a second replica on the same
 * database: the stop is quick and quiet, and the execution carries on at once.
 */
class GracefulStopIntegrationTests {
  private static final Duration TASK = Duration.ofSeconds(15);

  private static EmbeddedPostgres database;
  private static TestEndpoint endpoint;
  private static StepwiseProcess other;
  private static final Path logs = Path.of("target", "process-logs");

  @BeforeAll
  static void startDatabaseAndSecondReplica() throws Exception {
    database =
        EmbeddedPostgres.builder()
            .setServerConfig("fsync", "off")
            .setServerConfig("max_connections", "100")
            .start();
    endpoint = new TestEndpoint();
    endpoint.on(
        "/slow",
        call -> {
          pause(TASK);
          return TestEndpoint.Answer.ok(Map.of("done", true));
        });
    other = replica("other").awaitHealthy(Duration.ofSeconds(120));
    other
        .api()
        .createStateMachine(
            "slow",
            """
            {"StartAt": "Call", "States": {
              "Call": {"Type": "Task", "Resource": "%s", "TimeoutSeconds": 60, "End": true}}}
            """
                .formatted(endpoint.url("/slow")));
  }

  @AfterAll
  static void stopAll() throws Exception {
    if (other != null) other.close();
    if (endpoint != null) endpoint.close();
    if (database != null) database.close();
  }

  @Test
  void aStopLetsTheTaskInFlightFinishThenExitsQuietly() {
    try (var stopping = replica("finishing", "--stepwise.queue.node-id=finishing")) {
      stopping.awaitHealthy(Duration.ofSeconds(120));
      int before = endpoint.calls("/slow").size();
      String id = stopping.api().start("slow", Map.of("n", 1));
      awaitCalls(before + 1);
      pause(Duration.ofSeconds(1));

      Instant sigterm = Instant.now();
      stopping.terminate();

      assertThat(stopping.awaitExit(Duration.ofSeconds(30)))
          .as("exited within 30 s of SIGTERM:\n%s", stopping.log())
          .isTrue();
      System.out.println("Stopped " + since(sigterm) + " after SIGTERM");
      assertThat(stopping.troubleInLog()).as(stopping.log()).isEmpty();
      var execution = other.api().awaitEnd(id, Duration.ofSeconds(25).minus(since(sigterm)));
      assertThat(execution.get("status")).isEqualTo("SUCCEEDED");
      assertThat(since(sigterm)).isLessThan(Duration.ofSeconds(25));
      // The call finished on the stopping replica, within its grace: it was not sent again.
      assertThat(endpoint.calls("/slow")).hasSize(before + 1);
    }
  }

  @Test
  void aStopPastItsGraceHandsTheTaskToTheOtherReplicaAtOnce() {
    try (var stopping =
        replica(
            "handing-back",
            "--stepwise.queue.node-id=handing-back",
            "--stepwise.queue.shutdown-grace=2s")) {
      stopping.awaitHealthy(Duration.ofSeconds(120));
      int before = endpoint.calls("/slow").size();
      String id = stopping.api().start("slow", Map.of("n", 2));
      awaitCalls(before + 1);
      pause(Duration.ofSeconds(1));

      Instant sigterm = Instant.now();
      stopping.terminate();

      // The other replica calls again well before the 30 s lease would have run out.
      awaitCalls(before + 2);
      assertThat(since(sigterm)).isLessThan(Duration.ofSeconds(10));
      List<TestEndpoint.Call> calls = endpoint.calls("/slow").subList(before, before + 2);
      assertThat(calls.get(1).header("Idempotency-Key"))
          .isEqualTo(calls.get(0).header("Idempotency-Key"));

      assertThat(stopping.awaitExit(Duration.ofSeconds(30)))
          .as("exited within 30 s of SIGTERM:\n%s", stopping.log())
          .isTrue();
      System.out.println("Stopped " + since(sigterm) + " after SIGTERM");
      assertThat(stopping.troubleInLog()).as(stopping.log()).isEmpty();
      assertThat(stopping.log()).contains("handed back unfinished");
      var execution = other.api().awaitEnd(id, Duration.ofSeconds(25).minus(since(sigterm)));
      assertThat(execution.get("status")).isEqualTo("SUCCEEDED");
      assertThat(since(sigterm)).isLessThan(Duration.ofSeconds(25));
    }
  }

  @Test
  void aServiceStartedByAProcessThatDiesStopsToo() throws Exception {
    // As ./mvnw spring-boot:run does: the service runs under a parent and is told to watch it.
    var parent =
        StepwiseProcess.start(
            logs.resolve("orphan.log"),
            List.of("sh", "-c"),
            "--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
            "--stepwise.exit-with-parent=true");
    try (parent) {
      parent.awaitHealthy(Duration.ofSeconds(120));
      ProcessHandle service =
          parent.handle().children().findFirst().orElseThrow(() -> new AssertionError("no child"));
      parent.kill();
      service.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(service.isAlive()).isFalse();
      assertThat(parent.log()).contains("is gone; stopping");
    }
  }

  private static StepwiseProcess replica(String name, String... extra) {
    var arguments =
        new java.util.ArrayList<>(
            List.of(
                "--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
                "--stepwise.queue.poll-interval=200ms"));
    arguments.addAll(List.of(extra));
    return StepwiseProcess.start(logs.resolve(name + ".log"), arguments.toArray(String[]::new));
  }

  private static void awaitCalls(int count) {
    Instant deadline = Instant.now().plusSeconds(30);
    while (endpoint.calls("/slow").size() < count) {
      if (Instant.now().isAfter(deadline)) throw new AssertionError("no call " + count);
      pause(Duration.ofMillis(20));
    }
  }

  private static Duration since(Instant start) {
    return Duration.between(start, Instant.now());
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
