package dev.stepwise.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.support.StepwiseProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The persistent embedded PostgreSQL, as {@code ./mvnw spring-boot:run} uses it: durable, one
 * Stepwise at a time, recovered after kill -9, and stopped after the application.
 */
class EmbeddedDataDirectoryIntegrationTests {
  private static final Path LOGS = Path.of("target", "process-logs");
  private static final Duration START = Duration.ofSeconds(120);

  @TempDir Path temp;
  private Path data;

  @Test
  void oneStepwisePerDataDirectoryDurableAndRecoveredAfterKill() throws Exception {
    data = temp.resolve("postgres");
    String directory = "--stepwise.embedded-postgres.data-directory=" + data;
    String first;
    long firstPostmaster;
    try (var service = StepwiseProcess.start(LOGS.resolve("embedded-first.log"), directory)) {
      service.awaitHealthy(START);
      firstPostmaster = postmasterPid();

      // Durable by default: commits reach the disk.
      assertThat(setting("fsync")).isEqualTo("on");
      assertThat(setting("synchronous_commit")).isEqualTo("on");
      assertThat(setting("full_page_writes")).isEqualTo("on");

      service
          .api()
          .createStateMachine(
              "pass",
              "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}");
      first = service.api().start("pass", Map.of("n", 1));
      assertThat(service.api().awaitEnd(first, Duration.ofSeconds(30)).get("status"))
          .isEqualTo("SUCCEEDED");

      // A second Stepwise on the same directory refuses at once and touches nothing.
      try (var second = StepwiseProcess.start(LOGS.resolve("embedded-second.log"), directory)) {
        assertThat(second.awaitExit(Duration.ofSeconds(60))).as(second.log()).isTrue();
        assertThat(second.exitValue()).isNotZero();
        assertThat(second.log())
            .contains("Another Stepwise is running with the embedded PostgreSQL in " + data)
            .contains("Stop the other Stepwise first")
            .doesNotContain("\tat ");
      }
      assertThat(postmasterPid()).isEqualTo(firstPostmaster);
      assertThat(ProcessHandle.of(firstPostmaster).map(ProcessHandle::isAlive)).contains(true);
      String again = service.api().start("pass", Map.of("n", 2));
      assertThat(service.api().awaitEnd(again, Duration.ofSeconds(30)).get("status"))
          .isEqualTo("SUCCEEDED");

      // kill -9 leaves the postmaster running without its service.
      service.kill();
      assertThat(service.awaitExit(Duration.ofSeconds(30))).isTrue();
      assertThat(ProcessHandle.of(firstPostmaster).map(ProcessHandle::isAlive)).contains(true);
    }

    // The next start stops the orphaned postmaster, starts its own and finds the data intact.
    try (var restarted = StepwiseProcess.start(LOGS.resolve("embedded-restarted.log"), directory)) {
      restarted.awaitHealthy(START);
      assertThat(ProcessHandle.of(firstPostmaster).map(ProcessHandle::isAlive))
          .isNotEqualTo(java.util.Optional.of(true));
      long postmaster = postmasterPid();
      assertThat(postmaster).isNotEqualTo(firstPostmaster);
      assertThat(restarted.api().execution(first).get("status")).isEqualTo("SUCCEEDED");
      String third = restarted.api().start("pass", Map.of("n", 3));
      assertThat(restarted.api().awaitEnd(third, Duration.ofSeconds(30)).get("status"))
          .isEqualTo("SUCCEEDED");

      // SIGTERM: the application stops first, quietly, then its database.
      restarted.terminate();
      assertThat(restarted.awaitExit(Duration.ofSeconds(30))).as(restarted.log()).isTrue();
      assertThat(restarted.troubleInLog()).as(restarted.log()).isEmpty();
      ProcessHandle.of(postmaster).ifPresent(p -> p.onExit().join());
      assertThat(Files.exists(data.resolve("postmaster.pid"))).isFalse();
    }
  }

  private long postmasterPid() throws Exception {
    return Long.parseLong(postmasterFile().getFirst().trim());
  }

  private String setting(String name) throws Exception {
    int port = Integer.parseInt(postmasterFile().get(3).trim());
    try (var connection =
            DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
        var statement = connection.createStatement();
        var result = statement.executeQuery("show " + name)) {
      result.next();
      return result.getString(1);
    }
  }

  private List<String> postmasterFile() throws Exception {
    return Files.readAllLines(data.resolve("postmaster.pid"));
  }
}
