package dev.stepwise.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.Json;
import dev.stepwise.bench.ServiceProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
  private static final int CALM = 5; // run first, without chaos: the reference history
  private static final Duration LEASE = Duration.ofSeconds(5);
  private static final Path DIR = Path.of("target", "chaos");

  private final String run = "chaos-" + Long.toString(System.currentTimeMillis(), 36);
  private final List<String> timeline = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, String> acknowledged = new ConcurrentHashMap<>(); // name -> id
  private final AtomicInteger startRetries = new AtomicInteger();
  private final Map<String, Integer> startRefusals = new ConcurrentHashMap<>();
  private final AtomicInteger requested = new AtomicInteger();
  private final AtomicInteger serverErrorNotes = new AtomicInteger();
  private final AtomicBoolean chaosDone = new AtomicBoolean();
  private final AtomicInteger kills = new AtomicInteger();
  private final AtomicInteger pauses = new AtomicInteger();
  private final AtomicInteger databaseRestarts = new AtomicInteger();
  private Instant loadStart = Instant.now();
  private ChaosApi api;

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
      define();
      Map<String, Integer> reference = calmRuns();

      loadStart = Instant.now();
      Thread chaos = Thread.ofPlatform().name("chaos").start(() -> chaos(replicas, postgres));
      load();
      chaos.join();
      note(
          "load over: %d of %d starts acknowledged, %d start retries",
          acknowledged.size(), requested.get(), startRetries.get());
      boolean allUp = replicas.awaitAllUp(Duration.ofSeconds(180));
      note("replicas up again: %s", allUp ? "all" : replicas.healthy());
      long drained = awaitEnd(Duration.ofMinutes(5));
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

  private void define() throws Exception {
    String definition =
        """
        {"StartAt": "Prepare", "States": {
          "Prepare": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:chaos-prepare",
                      "Parameters": {"n.$": "$.n"}, "ResultPath": "$.prepared", "Next": "Pause"},
          "Pause": {"Type": "Wait", "Seconds": 1, "Next": "Fan"},
          "Fan": {"Type": "Map", "ItemsPath": "$.items", "ResultPath": "$.results", "Next": "Charge",
                  "ItemProcessor": {"StartAt": "Work", "States": {
                    "Work": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:chaos-work",
                             "Parameters": {"item.$": "$"}, "End": true}}}},
          "Charge": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:chaos-charge",
                     "Parameters": {"n.$": "$.n"}, "ResultPath": "$.charged", "End": true,
                     "Retry": [{"ErrorEquals": ["ChaosFailure"], "IntervalSeconds": 1, "MaxAttempts": 2, "BackoffRate": 1}]}}}
        """;
    var answer =
        api.post("/v1/state-machines", Map.of("name", run, "definition", Json.parse(definition)));
    assertThat(answer.status()).as("define: %s", answer.body()).isEqualTo(201);
  }

  /** The first executions run one by one before any chaos; their histories are the reference. */
  @SuppressWarnings("unchecked")
  private Map<String, Integer> calmRuns() throws Exception {
    Map<String, Integer> reference = null;
    for (int i = 0; i < CALM; i++) {
      var body = new LinkedHashMap<>(startBody(i));
      var answer = api.post("/v1/state-machines/" + run + "/executions?waitSeconds=30", body);
      var execution = (Map<String, Object>) answer.body();
      assertThat(execution.get("status")).as("calm run %s", execution).isEqualTo("SUCCEEDED");
      String id = (String) execution.get("executionId");
      acknowledged.put((String) body.get("name"), id);
      var signature =
          HistoryAudit.signature(api.list("/v1/executions/" + id + "/history", "events"));
      if (reference == null) reference = signature;
      assertThat(signature).as("calm runs take the same path").isEqualTo(reference);
    }
    return reference;
  }

  private static Map<String, Object> startBody(int i) {
    var input = new LinkedHashMap<String, Object>();
    input.put("n", i);
    input.put("items", List.of(1, 2, 3));
    var body = new LinkedHashMap<String, Object>();
    body.put("name", "e" + i);
    body.put("input", input);
    return body;
  }

  /**
   * Starts the remaining executions at an even rate over the load period, each in its own thread;
   * on a slow day (replicas slow to come back delay the chaos) it goes on at that rate until the
   * last chaos action is done, so every action lands under load.
   */
  private void load() throws InterruptedException {
    int count = EXECUTIONS - CALM;
    long intervalNanos = LOAD.toNanos() / count;
    requested.set(CALM);
    try (var starters = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < count || (!chaosDone.get() && i < 3 * count); i++) {
        long due = i * intervalNanos - Duration.between(loadStart, Instant.now()).toNanos();
        if (due > 0) Thread.sleep(Duration.ofNanos(due));
        int n = CALM + i;
        requested.incrementAndGet();
        starters.submit(() -> start(n));
      }
    }
  }

  /**
   * Starts one execution; a call that gets no answer, or a 5xx, is repeated on the next replica
   * with the same name and input: an idempotent start, so nothing can be started twice.
   */
  @SuppressWarnings("unchecked")
  private Void start(int n) throws InterruptedException {
    var body = startBody(n);
    Instant deadline = Instant.now().plusSeconds(180);
    while (Instant.now().isBefore(deadline)) {
      try {
        var answer = api.post("/v1/state-machines/" + run + "/executions", body);
        if (answer.status() == 200 || answer.status() == 201) {
          acknowledged.put(
              (String) body.get("name"),
              (String) ((Map<String, Object>) answer.body()).get("executionId"));
          return null;
        }
        startRefusals.merge(Integer.toString(answer.status()), 1, Integer::sum);
        if (answer.status() >= 500 && serverErrorNotes.incrementAndGet() <= 3) {
          note("start of e%d answered %d: %s", n, answer.status(), answer.body());
        }
        if (answer.status() < 500) {
          note("start of e%d refused: %d %s", n, answer.status(), answer.body());
          return null;
        }
      } catch (IOException e) {
        startRefusals.merge(e.getClass().getSimpleName(), 1, Integer::sum);
      }
      startRetries.incrementAndGet();
      Thread.sleep(300);
    }
    note("start of e%d never acknowledged", n);
    return null;
  }

  /** The chaos schedule, spread over the load period. */
  private void chaos(Replicas replicas, ChaosPostgres postgres) {
    try {
      int next = 0;
      var plan = new TreeMap<Double, String>();
      plan.put(0.05, "kill");
      plan.put(0.15, "kill");
      plan.put(0.30, "pause");
      plan.put(0.42, "postgres");
      plan.put(0.55, "kill");
      plan.put(0.70, "kill");
      plan.put(0.85, "kill");
      for (var step : plan.entrySet()) {
        long at = (long) (LOAD.toMillis() * step.getKey());
        long wait = at - Duration.between(loadStart, Instant.now()).toMillis();
        if (wait > 0) Thread.sleep(wait);
        if (step.getValue().equals("postgres")) {
          note("PostgreSQL stops (fast shutdown)");
          Duration took = postgres.restart(Duration.ofSeconds(3));
          databaseRestarts.incrementAndGet();
          note("PostgreSQL up again after %.1f s", took.toMillis() / 1000.0);
          continue;
        }
        // Never take the last healthy replica: somebody must keep the work going.
        int victim = awaitVictim(replicas, next++);
        if (victim < 0) {
          note("%s skipped: fewer than two healthy replicas for 180 s", step.getValue());
          continue;
        }
        if (step.getValue().equals("kill")) {
          replicas.killAndRestart(victim, Duration.ofSeconds(3));
          kills.incrementAndGet();
          note("kill -9 replica-%d (it starts again in 3 s)", victim);
        } else {
          Duration length = LEASE.plusSeconds(2);
          note(
              "kill -STOP replica-%d for %d s (longer than its %d s lease)",
              victim, length.toSeconds(), LEASE.toSeconds());
          replicas.pause(victim, length);
          pauses.incrementAndGet();
          note("kill -CONT replica-%d", victim);
        }
      }
    } catch (Exception e) {
      note("chaos stopped: %s", e);
    } finally {
      chaosDone.set(true);
    }
  }

  private static int awaitVictim(Replicas replicas, int turn) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(180);
    while (Instant.now().isBefore(deadline)) {
      var healthy = replicas.healthy();
      if (healthy.size() >= 2) {
        int preferred = turn % replicas.size() + 1;
        return healthy.contains(preferred) ? preferred : healthy.getFirst();
      }
      Thread.sleep(500);
    }
    return -1;
  }

  /** Waits until no execution of the run is RUNNING; the seconds it took. */
  private long awaitEnd(Duration timeout) throws InterruptedException {
    Instant from = Instant.now();
    Instant deadline = from.plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (api.list("/v1/executions?stateMachine=" + run + "&status=RUNNING", "items").isEmpty())
        break;
      Thread.sleep(2000);
    }
    return Duration.between(from, Instant.now()).toSeconds();
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
    int total = requested.get();
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
    synchronized (timeline) {
      timeline.forEach(line -> report.add("  " + line));
    }
    report.add(
        "RESULT chaos kill_9=%d pauses=%d postgres_restarts=%d start_retries=%d start_errors=%s"
            .formatted(
                kills.get(),
                pauses.get(),
                databaseRestarts.get(),
                startRetries.get(),
                new TreeMap<>(startRefusals)));
    report.add(
        "RESULT executions started=%d succeeded=%d failed=%d still_running=%d missing=%d lost=%d double_started=%d statuses=%s"
            .formatted(
                acknowledged.size(),
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
    assertThat(kills.get()).as("kill -9s done").isGreaterThanOrEqualTo(4);
    assertThat(pauses.get()).as("pauses done").isGreaterThanOrEqualTo(1);
    assertThat(databaseRestarts.get()).as("PostgreSQL restarts done").isGreaterThanOrEqualTo(1);
    assertThat(total).as("executions").isGreaterThanOrEqualTo(EXECUTIONS);
    assertThat(acknowledged).as("starts acknowledged").hasSize(total);
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
    String line =
        "%6.1f %s"
            .formatted(
                Duration.between(loadStart, Instant.now()).toMillis() / 1000.0,
                format.formatted(args));
    timeline.add(line);
    System.out.println("chaos: " + line);
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
