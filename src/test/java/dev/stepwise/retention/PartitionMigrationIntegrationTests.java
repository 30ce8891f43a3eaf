package dev.stepwise.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.support.StepwiseInstance;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The migration to partitioned history on a database that already holds executions: written at the
 * schema before it (V15), migrated, then read and cleaned by the service as usual.
 */
class PartitionMigrationIntegrationTests {
  private static final Instant NOW = Instant.now();
  private final UUID oldClosed = UUID.randomUUID();
  private final UUID oldRunning = UUID.randomUUID();
  private final UUID recent = UUID.randomUUID();

  @Test
  void existingHistoryIsMovedIntoPartitionsAndStaysReadable() {
    try (var host = StepwiseInstance.start(Map.of("stepwise.retention.enabled", false));
        var database = new FreshDatabase(host)) {
      var dataSource =
          new DriverManagerDataSource(database.url, database.username, database.password);
      flyway(dataSource).target("15").load().migrate();
      var jdbc = JdbcClient.create(dataSource);
      writeBeforePartitioning(jdbc);

      flyway(dataSource).load().migrate();

      assertThat(jdbc.sql("select count(*) from history_event").query(Long.class).single())
          .isEqualTo(15);
      assertThat(
              jdbc.sql(
                      "select count(*) from history_event h join execution x on x.id = h.execution_id"
                          + " where h.bucket = x.started_at")
                  .query(Long.class)
                  .single())
          .isEqualTo(15);
      LocalDate oldest = NOW.minus(Duration.ofDays(100)).atZone(ZoneOffset.UTC).toLocalDate();
      assertThat(partition(jdbc, oldest)).isTrue();
      assertThat(partition(jdbc, LocalDate.now(ZoneOffset.UTC).plusDays(7))).isTrue();

      try (var stepwise = StepwiseInstance.start(database.properties())) {
        var api = stepwise.api();
        assertThat(api.history(oldRunning.toString())).hasSize(5);
        assertThat(api.history(recent.toString()))
            .extracting(e -> e.get("type"))
            .contains("ExecutionStarted");

        var run = stepwise.bean(RetentionJob.class).run(Instant.now());

        assertThat(run.executionsDeleted()).isEqualTo(1);
        assertThat(run.executionsMoved()).isEqualTo(1);
        assertThat(api.get("/v1/executions/" + oldClosed).status()).isEqualTo(404);
        assertThat(api.history(oldRunning.toString())).hasSize(5);
        assertThat(api.history(recent.toString())).hasSize(5);
        assertThat(partition(jdbc, oldest)).isFalse();
      }
    }
  }

  private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(
      javax.sql.DataSource dataSource) {
    return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
  }

  private void writeBeforePartitioning(JdbcClient jdbc) {
    var at = OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC);
    jdbc.sql(
            "insert into state_machine (name, revision, created_at, updated_at) values ('m', 1, ?, ?)")
        .params(at, at)
        .update();
    jdbc.sql(
            "insert into state_machine_revision (name, revision, definition, created_at)"
                + " values ('m', 1, ?, ?)")
        .params(
            "{\"StartAt\": \"W\", \"States\": {\"W\": {\"Type\": \"Wait\", \"Seconds\": 99999999, \"End\": true}}}",
            at)
        .update();
    execution(jdbc, oldClosed, at.minusDays(100), at.minusDays(95));
    execution(jdbc, oldRunning, at.minusDays(100), null);
    execution(jdbc, recent, at.minusDays(1), at.minusDays(1));
  }

  private static void execution(
      JdbcClient jdbc, UUID id, OffsetDateTime start, OffsetDateTime end) {
    jdbc.sql(
            "insert into execution (id, name, state_machine, revision, status, input, output,"
                + " started_at, stopped_at, last_event_id, last_token_id)"
                + " values (?, ?, 'm', 1, ?, '{}', ?, ?, ?, 5, 1)")
        .params(
            id,
            id.toString(),
            end == null ? "RUNNING" : "SUCCEEDED",
            end == null ? null : "{}",
            start,
            end)
        .update();
    jdbc.sql("insert into token (execution_id, id, status, position) values (?, 1, ?, ?)")
        .params(id, end == null ? "WAITING" : "DONE", end == null ? "\"W\"" : null)
        .update();
    jdbc.sql(
            "insert into history_event (execution_id, id, previous_event_id, ts, type, details)"
                + " select ?, n, n - 1, ?, case n when 1 then 'ExecutionStarted' else 'PassStateEntered' end,"
                + " '{}' from generate_series(1, 5) n")
        .params(id, start)
        .update();
  }

  private static boolean partition(JdbcClient jdbc, LocalDate day) {
    return jdbc.sql("select to_regclass(?) is not null")
        .param("history_event_p" + day.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE))
        .query(Boolean.class)
        .single();
  }
}
