package dev.stepwise.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.retention.RetentionJob;
import dev.stepwise.support.PgBouncer;
import dev.stepwise.support.Resources;
import dev.stepwise.support.SeedLambdas;
import dev.stepwise.support.StepwiseInstance;
import dev.stepwise.support.TestEndpoint;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Stepwise behind Debian's PgBouncer in transaction pooling, with fewer server connections than the
 * service's pool holds, so that every transaction may land on another server connection: the
 * migrations and every statement go through PgBouncer ({@code prepareThreshold=0}: PgBouncer 1.18
 * keeps no prepared statements), only the claimer's LISTEN and the retention job's lock take the
 * direct URL. The article's three examples complete.
 */
class PgBouncerIntegrationTests {
  private static EmbeddedPostgres database;
  private static PgBouncer bouncer;
  private static TestEndpoint lambdas;
  private static StepwiseInstance stepwise;

  @BeforeAll
  static void start() throws Exception {
    String message =
        "PgBouncer tests skipped: Debian's pgbouncer is not installed ("
            + PgBouncer.BINARY
            + "); apt-get install pgbouncer to run them";
    if (!PgBouncer.installed()) System.err.println(message);
    Assumptions.assumeTrue(PgBouncer.installed(), message);
    database = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
    bouncer =
        PgBouncer.start(Files.createTempDirectory("pgbouncer"), database.getPort(), "postgres", 4);
    lambdas = SeedLambdas.start();
    var properties = new HashMap<String, Object>(SeedLambdas.routes(lambdas));
    properties.put(
        "spring.datasource.url",
        "jdbc:postgresql://127.0.0.1:" + bouncer.port() + "/postgres?prepareThreshold=0");
    properties.put("spring.datasource.username", "postgres");
    properties.put("stepwise.queue.listen-url", database.getJdbcUrl("postgres", "postgres"));
    stepwise = StepwiseInstance.start(properties);
  }

  @AfterAll
  static void stop() throws Exception {
    if (stepwise != null) stepwise.close();
    if (lambdas != null) lambdas.close();
    if (bouncer != null) bouncer.close();
    if (database != null) database.close();
  }

  @Test
  void runsTwoTasksInSequence() {
    var api = stepwise.api();
    api.createStateMachine("bouncer-sequential", Resources.text("/seed/sequential.json"));

    var execution =
        api.awaitEnd(api.start("bouncer-sequential", Map.of("order", 7)), Duration.ofSeconds(30));

    assertThat(execution.get("status")).isEqualTo("SUCCEEDED");
    assertThat(execution.get("output"))
        .isEqualTo(Map.of("second", Map.of("first", Map.of("order", 7))));
  }

  @Test
  void runsTwoBranchesInParallel() {
    var api = stepwise.api();
    api.createStateMachine("bouncer-parallel", Resources.text("/seed/parallel.json"));

    var execution = api.awaitEnd(api.start("bouncer-parallel", Map.of()), Duration.ofSeconds(30));

    assertThat(execution.get("status")).isEqualTo("SUCCEEDED");
    assertThat(execution.get("output")).isEqualTo(List.of("A", "B"));
  }

  @Test
  void retriesOnScheduleThenCatches() {
    var api = stepwise.api();
    api.createStateMachine("bouncer-retry", Resources.text("/seed/retry.json"));

    var execution = api.awaitEnd(api.start("bouncer-retry", Map.of()), Duration.ofSeconds(90));

    assertThat(execution.get("status")).isEqualTo("FAILED");
    assertThat(lambdas.calls("/unreliable")).hasSize(4);
  }

  @Test
  void listensOnTheDirectConnectionAndNotThroughPgBouncer() throws Exception {
    try (var connection = database.getPostgresDatabase().getConnection();
        var statement = connection.createStatement();
        var rows =
            statement.executeQuery(
                "select application_name, query from pg_stat_activity"
                    + " where query ilike 'listen %'")) {
      var listeners = new java.util.ArrayList<String>();
      while (rows.next()) listeners.add(rows.getString(1) + ": " + rows.getString(2));
      assertThat(listeners).containsExactly("stepwise-listen: listen stepwise_work");
    }
  }

  @Test
  void theRetentionJobsLockStaysOnTheDirectConnection() throws Exception {
    var job = stepwise.bean(RetentionJob.class);
    // Through PgBouncer the lock and its release could land on different server connections,
    // leaving the lock held and every later run skipped; on the direct one runs go ahead once the
    // service's own run (at start) has let go of it.
    Instant deadline = Instant.now().plusSeconds(30);
    boolean ran = false;
    while (!ran && Instant.now().isBefore(deadline)) {
      ran = job.run(Instant.now()).ran();
      if (!ran) Thread.sleep(100);
    }
    assertThat(ran).isTrue();
    assertThat(job.run(Instant.now()).ran()).isTrue();
    try (var connection = database.getPostgresDatabase().getConnection();
        var statement = connection.createStatement();
        var rows =
            statement.executeQuery("select count(*) from pg_locks where locktype = 'advisory'")) {
      rows.next();
      assertThat(rows.getLong(1)).isZero();
    }
  }
}
