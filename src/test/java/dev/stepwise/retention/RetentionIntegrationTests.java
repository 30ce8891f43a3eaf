package dev.stepwise.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.support.Api;
import dev.stepwise.support.StepwiseInstance;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Retention on a real PostgreSQL, each test on a database of its own: runs of the job are called
 * directly with a time far ahead (no sleeping), and what the database holds afterwards is checked.
 */
class RetentionIntegrationTests {
  private static final String PASS =
      """
      {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"},
        "B": {"Type": "Pass", "End": true}}}
      """;
  private static final String WAITS =
      """
      {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 99999999, "End": true}}}
      """;

  static StepwiseInstance host;
  FreshDatabase database;
  StepwiseInstance stepwise;
  Api api;
  JdbcClient jdbc;
  RetentionJob job;

  @BeforeAll
  static void startHost() {
    host = StepwiseInstance.start(Map.of("stepwise.retention.enabled", false));
  }

  @AfterAll
  static void stopHost() {
    host.close();
  }

  @BeforeEach
  void startOnFreshDatabase() {
    database = new FreshDatabase(host);
    stepwise = StepwiseInstance.start(database.properties());
    api = stepwise.api();
    jdbc = stepwise.bean(JdbcClient.class);
    job = stepwise.bean(RetentionJob.class);
  }

  @AfterEach
  void stop() {
    stepwise.close();
    database.close();
  }

  @Test
  void expiredClosedExecutionsDisappearWithTheirHistoryWhileOpenOnesStay() {
    api.createStateMachine("done", PASS);
    api.createStateMachine("open", WAITS);
    String closed = finished("done");
    String open = api.start("open", Map.of());
    api.awaitEvent(open, "WaitStateEntered", Duration.ofSeconds(30));
    int openEvents = api.history(open).size();

    var early = job.run(Instant.now().plus(Duration.ofDays(89)));

    assertThat(early.ran()).isTrue();
    assertThat(early.executionsDeleted()).isZero();
    assertThat(api.get("/v1/executions/" + closed).status()).isEqualTo(200);

    var run = job.run(Instant.now().plus(Duration.ofDays(91)));

    assertThat(run.executionsDeleted()).isEqualTo(1);
    assertThat(run.executionsMoved()).isEqualTo(1);
    assertThat(api.get("/v1/executions/" + closed).status()).isEqualTo(404);
    assertThat(count("history_event where execution_id = ?", closed)).isZero();
    assertThat(count("token where execution_id = ?", closed)).isZero();
    assertThat(api.execution(open)).containsEntry("status", "RUNNING");
    assertThat(api.history(open)).hasSize(openEvents);
    // Today's partition held the closed one's history: it went with the drop, not a DELETE.
    assertThat(partitionDays()).doesNotContain(LocalDate.now(ZoneOffset.UTC));
    assertThat(run.partitionsDropped()).isPositive();

    // The open execution, moved to a newer partition, still steps and writes history there.
    assertThat(api.post("/v1/executions/" + open + "/stop", Map.of()).status()).isEqualTo(200);
    assertThat(api.history(open)).hasSize(openEvents + 1);
  }

  @Test
  void aStateMachinesOwnRetentionIsHonouredBothWays() {
    api.createStateMachine("short", PASS);
    api.createStateMachine("long", PASS);
    api.createStateMachine("default", PASS);
    assertThat(api.put("/v1/state-machines/short/retention", Map.of("retentionDays", 10)).status())
        .isEqualTo(200);
    assertThat(api.put("/v1/state-machines/long/retention", Map.of("retentionDays", 200)).json())
        .containsEntry("retentionDays", 200)
        .containsEntry("effectiveRetention", "P200D");
    assertThat(api.get("/v1/state-machines/default/retention").json())
        .containsEntry("effectiveRetention", "PT2160H");
    String shortLived = finished("short");
    String longLived = finished("long");
    String standard = finished("default");
    int longEvents = api.history(longLived).size();

    var afterTenDays = job.run(Instant.now().plus(Duration.ofDays(11)));

    assertThat(afterTenDays.executionsDeleted()).isEqualTo(1);
    assertThat(api.get("/v1/executions/" + shortLived).status()).isEqualTo(404);
    // Its partition is not due yet, so its events were deleted with it, row by row.
    assertThat(count("history_event where execution_id = ?", shortLived)).isZero();
    assertThat(api.get("/v1/executions/" + standard).status()).isEqualTo(200);

    var afterNinetyDays = job.run(Instant.now().plus(Duration.ofDays(91)));

    assertThat(afterNinetyDays.executionsDeleted()).isEqualTo(1);
    assertThat(afterNinetyDays.executionsMoved()).isEqualTo(1);
    assertThat(api.get("/v1/executions/" + standard).status()).isEqualTo(404);
    assertThat(api.history(longLived)).hasSize(longEvents);

    var afterTwoHundredDays = job.run(Instant.now().plus(Duration.ofDays(201)));

    assertThat(afterTwoHundredDays.executionsDeleted()).isEqualTo(1);
    assertThat(api.get("/v1/executions/" + longLived).status()).isEqualTo(404);
    assertThat(count("history_event where execution_id = ?", longLived)).isZero();
  }

  @Test
  void partitionsAreCreatedAheadAndDroppedOnceDue() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    job.run(Instant.now());
    assertThat(partitionDays()).contains(today, today.plusDays(7));

    var later = job.run(Instant.now().plus(Duration.ofDays(100)));

    // Every day up to 100 days ago (in the job's time) is gone, the next week is there.
    assertThat(later.partitionsDropped()).isPositive();
    assertThat(later.partitionsLeft()).isZero();
    assertThat(partitionDays()).allMatch(day -> day.isAfter(today.plusDays(9)));
    assertThat(partitionDays()).contains(today.plusDays(107));
  }

  @Test
  void partitionsAreKeptAheadWithoutTheJobAndWithoutItsLock() throws Exception {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    try (var other = stepwise.bean(DataSource.class).getConnection()) {
      try (var statement = other.prepareStatement("select pg_advisory_lock(?)")) {
        statement.setLong(1, RetentionJob.LOCK_KEY);
        statement.execute();
      }
      // A replica whose job is off (or blocked) still makes history's days ahead, once.
      assertThat(job.keepPartitionsAhead(Instant.now().plus(Duration.ofDays(30)))).isEqualTo(8);
      assertThat(job.keepPartitionsAhead(Instant.now().plus(Duration.ofDays(30)))).isZero();
    }
    assertThat(partitionDays()).contains(today.plusDays(30), today.plusDays(37));
  }

  @Test
  void aSecondRunWaitsForNoneAndDoesNothingWhileAnotherHoldsTheLock() throws Exception {
    try (var other = stepwise.bean(DataSource.class).getConnection()) {
      try (var statement = other.prepareStatement("select pg_advisory_lock(?)")) {
        statement.setLong(1, RetentionJob.LOCK_KEY);
        statement.execute();
      }
      assertThat(job.run(Instant.now()).ran()).isFalse();
      try (var statement = other.prepareStatement("select pg_advisory_unlock(?)")) {
        statement.setLong(1, RetentionJob.LOCK_KEY);
        statement.execute();
      }
    }
    assertThat(job.run(Instant.now()).ran()).isTrue();
  }

  @Test
  void badRetentionSettingsAreRefused() {
    api.createStateMachine("settings", PASS);
    assertThat(
            api.put("/v1/state-machines/settings/retention", Map.of("retentionDays", 0)).status())
        .isEqualTo(400);
    assertThat(api.put("/v1/state-machines/nothing/retention", Map.of("retentionDays", 5)).status())
        .isEqualTo(404);
    assertThat(api.get("/v1/state-machines/nothing/retention").status()).isEqualTo(404);
    var cleared = new java.util.HashMap<String, Object>();
    cleared.put("retentionDays", null);
    assertThat(api.put("/v1/state-machines/settings/retention", cleared).json())
        .containsEntry("retentionDays", null);
  }

  private String finished(String stateMachine) {
    String id = api.start(stateMachine, Map.of());
    assertThat(api.awaitEnd(id, Duration.ofSeconds(30))).containsEntry("status", "SUCCEEDED");
    return id;
  }

  private long count(String from, String executionId) {
    return jdbc.sql("select count(*) from " + from)
        .param(UUID.fromString(executionId))
        .query(Long.class)
        .single();
  }

  private List<LocalDate> partitionDays() {
    return jdbc
        .sql(
            "select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid"
                + " where i.inhparent = 'history_event'::regclass")
        .query(String.class)
        .list()
        .stream()
        .map(
            n ->
                LocalDate.parse(
                    n.substring("history_event_p".length()),
                    java.time.format.DateTimeFormatter.BASIC_ISO_DATE))
        .toList();
  }
}
