package dev.stepwise.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.bench.ServiceProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;

/**
 * The chaos test ({@code ./mvnw -Pchaos verify}): three replicas of the packaged service on one
 * durable PostgreSQL run a state machine of Tasks, a Wait, a Map and a Retry while replicas are
 * killed with -9 and started again, one is frozen with SIGSTOP past its lease, and PostgreSQL
 * restarts. Then it checks that every execution succeeded exactly once: none lost, no history event
 * duplicated, and every delivery of one Task entry carrying the same Idempotency-Key.
 */
class StepwiseChaos {
  // At least this many; the load goes on at the same rate until every chaos action is done.
  private static final int EXECUTIONS = Integer.getInteger("chaos.executions", 500);
  private static final Duration LOAD = Duration.ofSeconds(Long.getLong("chaos.seconds", 100));
  private static final int REPLICAS = 3;
  private static final Duration LEASE = Duration.ofSeconds(5);
  private static final Path DIR = Path.of("target", "chaos");

  private final String run = "chaos-" + Long.toString(System.currentTimeMillis(), 36);
  private final ChaosTimeline timeline = new ChaosTimeline();
  private final ChaosSchedule schedule = new ChaosSchedule(LOAD, LEASE, timeline);
  private ChaosApi api;
  private ChaosWorkload workload;

  @Test
  void run() throws Exception {
    Files.createDirectories(DIR);
    try (var files = Files.list(DIR)) {
      for (Path log : files.filter(p -> p.toString().endsWith(".log")).toList()) Files.delete(log);
    }
    var ports = new ArrayList<Integer>();
    for (int i = 0; i <= REPLICAS; i++) ports.add(freePort());
    try (var stub = new RecordingStub();
        var postgres =
            new ChaosPostgres(
                DIR.resolve("postgres"), DIR.resolve("postgres.log"), ports.getFirst());
        var replicas =
            new Replicas(
                ServiceProcess.jar(),
                postgres.jdbcUrl(),
                replicaArguments(stub),
                DIR,
                ports.subList(1, ports.size()),
                line -> note("%s", line))) {
      String durability = postgres.durability();
      replicas.startAll();
      api = new ChaosApi(replicas);
      workload = new ChaosWorkload(run, api, timeline);
      workload.define();
      Map<String, Integer> reference = workload.calmRuns();

      timeline.startLoad();
      Thread chaos =
          Thread.ofPlatform().name("chaos").start(() -> schedule.run(replicas, postgres));
      workload.load(EXECUTIONS, LOAD, schedule.done);
      chaos.join();
      note(
          "load over: %d of %d starts acknowledged, %d start retries",
          workload.acknowledged.size(), workload.requested.get(), workload.startRetries.get());
      boolean allUp = replicas.awaitAllUp(Duration.ofSeconds(180));
      note("replicas up again: %s", allUp ? "all" : replicas.healthy());
      long drained = workload.awaitEnd(Duration.ofMinutes(5));
      note("no execution running after %d s (or gave up)", drained);

      audit(reference, stub, durability);
    }
  }

  private List<String> replicaArguments(RecordingStub stub) {
    return List.of(
        "--stepwise.queue.lease=" + LEASE.toSeconds() + "s",
        "--stepwise.tasks.routes[0].resource=arn:aws:lambda:*:*:function:chaos-*",
        "--stepwise.tasks.routes[0].url=" + stub.url());
  }

  @SuppressWarnings("unchecked")
  private void audit(Map<String, Integer> reference, RecordingStub stub, String durability)
      throws Exception {
    var executions = api.list("/v1/executions?stateMachine=" + run, "items");
    var byName = new HashMap<String, Map<String, Object>>();
    int doubleStarted = 0;
    for (var execution : executions) {
      if (byName.put((String) execution.get("name"), execution) != null) doubleStarted++;
    }
    var statuses = new TreeMap<String, Integer>();
    var lost = new ArrayList<String>();
    int missing = 0;
    int total = workload.requested.get();
    for (int i = 0; i < total; i++) {
      var execution = byName.get("e" + i);
      String status = execution == null ? "MISSING" : (String) execution.get("status");
      statuses.merge(status, 1, Integer::sum);
      if (execution == null) missing++;
      if (!"SUCCEEDED".equals(status)) {
        lost.add(
            "e"
                + i
                + " "
                + status
                + (execution == null
                    ? ""
                    : " id="
                        + execution.get("executionId")
                        + " error="
                        + execution.get("error")
                        + " cause="
                        + execution.get("cause")));
      }
    }

    var histories = new ConcurrentHashMap<String, List<Map<String, Object>>>();
    var gate = new Semaphore(4);
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (var execution : executions) {
        pool.submit(
            () -> {
              gate.acquire();
              try {
                String id = (String) execution.get("executionId");
                histories.put(id, api.list("/v1/executions/" + id + "/history", "events"));
              } finally {
                gate.release();
              }
              return null;
            });
      }
    }
    var history = new HistoryAudit(reference);
    var deliveries = new DeliveryAudit(stub.deliveries());
    int undelivered = 0;
    for (var execution : executions) {
      String id = (String) execution.get("executionId");
      boolean succeeded = "SUCCEEDED".equals(execution.get("status"));
      var events = histories.get(id);
      history.audit(id, succeeded, events);
      int entered =
          HistoryAudit.signature(events).entrySet().stream()
              .filter(e -> e.getKey().startsWith("TaskStateEntered/"))
              .mapToInt(Map.Entry::getValue)
              .sum();
      if (succeeded && deliveries.entriesOf(id) != entered) {
        undelivered++;
        history.findings.add(
            "%s: %d Task entries in its history, %d seen by the endpoint"
                .formatted(id, entered, deliveries.entriesOf(id)));
      }
    }

    int succeeded = statuses.getOrDefault("SUCCEEDED", 0);
    int running = statuses.getOrDefault("RUNNING", 0);
    int failed = total - succeeded - running - missing;
    var report = new ArrayList<String>();
    report.add(
        "run "
            + run
            + ": "
            + REPLICAS
            + " replicas, lease "
            + LEASE.toSeconds()
            + " s, PostgreSQL "
            + durability);
    report.add("timeline (seconds from the start of the load):");
    timeline.lines().forEach(line -> report.add("  " + line));
    report.add(
        "RESULT chaos kill_9=%d pauses=%d postgres_restarts=%d start_retries=%d start_errors=%s"
            .formatted(
                schedule.kills.get(),
                schedule.pauses.get(),
                schedule.databaseRestarts.get(),
                workload.startRetries.get(),
                new TreeMap<>(workload.startRefusals)));
    report.add(
        "RESULT executions started=%d succeeded=%d failed=%d still_running=%d missing=%d lost=%d double_started=%d statuses=%s"
            .formatted(
                workload.acknowledged.size(),
                succeeded,
                failed,
                running,
                missing,
                lost.size(),
                doubleStarted,
                statuses));
    report.add(
        "RESULT history executions=%d duplicated_events=%d id_gaps_or_repeats=%d missing_events=%d task_entries_not_delivered=%d"
            .formatted(
                histories.size(),
                history.duplicatedEvents,
                history.idProblems,
                history.missingEvents,
                undelivered));
    report.add(
        "RESULT deliveries total=%d entries=%d deliveries_per_entry=%s deliveries_per_entry_and_attempt=%s idempotency_keys_matched=%s (entries_with_several_keys=%d keys_shared_by_entries=%d without_key=%d)"
            .formatted(
                deliveries.deliveries,
                deliveries.entries,
                deliveries.perEntry,
                deliveries.perAttempt,
                deliveries.keysMatched(),
                deliveries.entriesWithSeveralKeys,
                deliveries.keysSharedByEntries,
                deliveries.deliveriesWithoutKey));
    report.add("reference history of one execution: " + reference);
    lost.stream().limit(30).forEach(line -> report.add("LOST " + line));
    history.findings.stream().limit(30).forEach(line -> report.add("HISTORY " + line));
    deliveries.findings.stream().limit(30).forEach(line -> report.add("KEYS " + line));
    report.add(
        "replica logs: " + DIR.resolve("replica-*.log") + " (" + errorLines() + " ERROR lines)");

    print(report);
    Files.write(DIR.resolve("report.txt"), report);
    assertThat(schedule.kills.get()).as("kill -9s done").isGreaterThanOrEqualTo(4);
    assertThat(schedule.pauses.get()).as("pauses done").isGreaterThanOrEqualTo(1);
    assertThat(schedule.databaseRestarts.get())
        .as("PostgreSQL restarts done")
        .isGreaterThanOrEqualTo(1);
    assertThat(total).as("executions").isGreaterThanOrEqualTo(EXECUTIONS);
    assertThat(workload.acknowledged).as("starts acknowledged").hasSize(total);
    assertThat(lost).as("lost executions").isEmpty();
    assertThat(doubleStarted).as("executions started twice").isZero();
    assertThat(history.duplicatedEvents).as("duplicated history events").isZero();
    assertThat(history.idProblems).as("event id gaps or repeats").isZero();
    assertThat(history.missingEvents)
        .as("history events missing from succeeded executions")
        .isZero();
    assertThat(undelivered).as("Task entries never delivered").isZero();
    assertThat(deliveries.keysMatched()).as("one Idempotency-Key per Task entry").isTrue();
  }

  private long errorLines() throws IOException {
    long count = 0;
    try (var files = Files.list(DIR)) {
      for (Path log :
          files.filter(p -> p.getFileName().toString().startsWith("replica-")).toList()) {
        try (var lines = Files.lines(log)) {
          count += lines.filter(line -> line.contains(" ERROR ")).count();
        }
      }
    }
    return count;
  }

  private void note(String format, Object... args) {
    timeline.note(format, args);
  }

  private static void print(List<String> report) {
    System.out.println();
    System.out.println("==== Stepwise chaos test ====");
    report.forEach(System.out::println);
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
