package dev.stepwise.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.Json;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The benchmark ({@code ./mvnw -Pbench verify}): starts the packaged service as its own process
 * against a durable PostgreSQL ({@link BenchDatabase}: fsync on, checked) and measures first the
 * two shapes side by side with their costs per execution ({@link Shapes}: closed loop and burst),
 * then, at 1, 16 and 64 concurrent starters, a 10-state Pass chain and a 3-Task HTTP chain against
 * a local stub: executions/s, state transitions/s, start-to-finish latency, dispatch overhead
 * (TaskScheduled to the request's arrival), timer lateness (a Wait's due time to the state going
 * on) and the service's peak RSS. Each starter starts an execution, waits for its end, and starts
 * the next. Then a burst: 3,000 starts of a 3-Task chain from 128 clients at once, none waiting for
 * its execution, counting accepted, throttled (429) and failed starts and timing the answers. Last,
 * one inline Map over 40,000 Pass items (the service runs with a history limit raised for it):
 * items/s and the execution's duration. Also starts of the Pass chain through the AWS wire API
 * beside starts through the REST API ({@link WireStarts}). {@code -Dbench.only=burst} (or pass10,
 * http3, timers, wire, map) runs only that workload, after the warm-up; {@code
 * -Dbench.only=replicas} runs 1, 2 and 3 replicas on one database instead ({@link ReplicaScaling});
 * {@code -Dbench.only=retention} runs {@link RetentionBench}, which no default run includes.
 */
class StepwiseBenchmark {
  static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final int[] STARTERS = {1, 16, 64};
  static final Duration ROUND = Duration.ofSeconds(Long.getLong("bench.seconds", 10));
  private static final int MAP_ITEMS = 40_000;
  // Four events per iteration: the 25,000-event default would fail the Map (as AWS would).
  private static final List<String> SERVICE_ARGUMENTS =
      List.of("--stepwise.limits.history-events=" + (4 * MAP_ITEMS + 100));

  /**
   * {@code -Dbench.only=burst} (or shapes, pass10, http3, timers, wire, map; several separated by
   * commas) runs only those workloads; {@code peers} (never by default) adds the peers' harnesses.
   */
  private static final String ONLY = System.getProperty("bench.only", "");

  private static final List<String> ONLY_LIST = List.of(ONLY.split(","));

  private static final int WARM_UP = Integer.getInteger("bench.warmup", 2000);

  private static final int BURST_STARTS = Integer.getInteger("bench.burst.starts", 3000);
  private static final int BURST_CLIENTS = Integer.getInteger("bench.burst.clients", 128);

  String base;
  // State machine names are unique per run, so a reused database holds no stale definitions.
  final String run = Long.toString(System.currentTimeMillis(), 36);
  final List<String> report = new ArrayList<>();

  @Test
  void run() throws Exception {
    String databaseUrl = System.getenv("STEPWISE_BENCH_DATABASE_URL");
    if (ONLY.equals("replicas")) {
      // Several services on one database: only when asked for, it takes a few minutes.
      System.out.println("==== Stepwise benchmark: replicas on one database ====");
      assertThat(new ReplicaScaling(ROUND).measure(databaseUrl)).hasSize(6);
      return;
    }
    if (ONLY.equals("retention") && databaseUrl == null) {
      throw new IllegalStateException(
          "-Dbench.only=retention loads millions of rows directly: set STEPWISE_BENCH_DATABASE_URL");
    }
    var arguments = new ArrayList<>(SERVICE_ARGUMENTS);
    // The retention workload runs the job itself, timed; the service's own runs would race it.
    if (ONLY.equals("retention")) {
      arguments.add("--stepwise.retention.enabled=false");
      // A shared server's connections may be scarce; the comparison needs the same pool only.
      arguments.add(
          "--spring.datasource.hikari.maximum-pool-size="
              + Integer.getInteger("bench.retention.pool", 20));
    }
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    try (var database = BenchDatabase.open();
        var meter = new DatabaseMeter(database.jdbcUrl);
        var stub = new StubEndpoint();
        var service =
            ServiceProcess.start(
                ServiceProcess.jar(),
                port,
                database.jdbcUrl,
                Path.of("target", "bench-service.log"),
                arguments)) {
      report.add(
          "database: %s, PostgreSQL %s, %s"
              .formatted(database.describe(), meter.serverVersion(), meter.durability()));
      if (!meter.durable() && !Boolean.getBoolean("bench.allowNonDurable")) {
        throw new IllegalStateException(
            "the database runs with fsync or synchronous_commit off, so its figures would not be"
                + " durable ones: "
                + meter.durability()
                + " (-Dbench.allowNonDurable=true to go on)");
      }
      base = service.base;
      define("bench-pass10-" + run, passChain(10));
      define("bench-http3-" + run, taskChain(3, stub.url()));
      define("bench-wait1-" + run, waitOneSecond());
      define("bench-burst-" + run, taskChain(3, stub.url()));

      // Warm-up by count, not time: on a busy machine 5 s left the JIT compiling through the
      // measured rounds (a third of the service's CPU went to its compiler threads).
      warmUp("bench-pass10-" + run, WARM_UP);
      warmUp("bench-http3-" + run, WARM_UP);
      if (selected("shapes")) {
        new Shapes(this, service, meter, stub).run();
      }
      if (selected("pass10")) {
        for (int starters : STARTERS) {
          var r = round("bench-pass10-" + run, starters, ROUND);
          line("pass10", starters, r, 10, null);
        }
      }
      if (selected("http3")) {
        for (int starters : STARTERS) {
          var r = round("bench-http3-" + run, starters, ROUND);
          line("http3", starters, r, 3, dispatchOverhead(r, stub));
        }
      }
      if (selected("timers")) {
        var lateness = timerLateness(200);
        report.add(
            "RESULT timer_lateness_ms p50=%.1f p99=%.1f max=%.1f (200 one-second Waits started together)"
                .formatted(lateness.at(50), lateness.at(99), lateness.at(100)));
      }
      if (selected("burst")) burst("bench-burst-" + run, BURST_STARTS, BURST_CLIENTS);
      if (selected("wire")) {
        report.addAll(new WireStarts(CLIENT, base).compare("bench-pass10-" + run, ROUND));
      }
      if (selected("map")) largeMap(service);
      if (ONLY.equals("retention")) {
        var load = new PassLoad(CLIENT, base, "bench-pass10-" + run);
        var results = new RetentionBench(databaseUrl, load, "bench-pass10-" + run).run();
        results.forEach(System.out::println);
        report.addAll(results);
      }
      report.add("RESULT peak_rss_mib=" + service.peakRssMiB());
    }
    if (ONLY_LIST.contains("peers")) Shapes.peers(report);
    System.out.println();
    System.out.println("==== Stepwise benchmark ====");
    report.forEach(System.out::println);
    assertThat(report).isNotEmpty();
  }

  /**
   * One inline Map over {@value #MAP_ITEMS} Pass items, after a warm-up over a tenth as many: the
   * execution's duration ({@code startedAt} to {@code stoppedAt}) and items/s.
   */
  private void largeMap(ServiceProcess service) throws Exception {
    String name = "bench-map-" + run;
    define(
        name,
        """
        {"StartAt": "Each", "States": {"Each": {"Type": "Map", "End": true,
          "ItemProcessor": {"StartAt": "Item", "States": {"Item": {"Type": "Pass", "End": true}}}}}}
        """);
    runMap(name, MAP_ITEMS / 10);
    var execution = runMap(name, MAP_ITEMS);
    double seconds =
        millisBetween((String) execution.get("startedAt"), (String) execution.get("stoppedAt"))
            / 1000;
    String text =
        "RESULT map%dk items=%d status=%s duration_s=%.2f items_per_s=%.0f peak_rss_mib=%d"
            .formatted(
                MAP_ITEMS / 1000,
                MAP_ITEMS,
                execution.get("status"),
                seconds,
                MAP_ITEMS / seconds,
                service.peakRssMiB());
    report.add(text);
    System.out.println(text);
  }

  private Map<String, Object> runMap(String name, int items) throws Exception {
    var input = java.util.stream.IntStream.range(0, items).boxed().toList();
    String id =
        (String)
            post("/v1/state-machines/" + name + "/executions", Map.of("input", input))
                .get("executionId");
    Instant deadline = Instant.now().plusSeconds(600);
    while (true) {
      var execution = get("/v1/executions/" + id);
      if (!"RUNNING".equals(execution.get("status")) || Instant.now().isAfter(deadline)) {
        return execution;
      }
      Thread.sleep(50);
    }
  }

  private static boolean selected(String workload) {
    return ONLY.isEmpty() || ONLY_LIST.contains(workload);
  }

  record Round(List<Map<String, Object>> executions, Duration elapsed, int failed) {}

  Round round(String stateMachine, int starters, Duration duration) throws Exception {
    var done = Collections.synchronizedList(new ArrayList<Map<String, Object>>());
    var failed = new AtomicInteger();
    Instant start = Instant.now();
    Instant end = start.plus(duration);
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < starters; i++) {
        pool.submit(
            () -> {
              while (Instant.now().isBefore(end)) {
                var execution = startAndWait(stateMachine);
                if ("SUCCEEDED".equals(execution.get("status"))) done.add(execution);
                else failed.incrementAndGet();
              }
              return null;
            });
      }
    }
    return new Round(List.copyOf(done), Duration.between(start, Instant.now()), failed.get());
  }

  /** 16 starters run {@code executions} executions in all, each waiting for its own. */
  private void warmUp(String stateMachine, int executions) throws Exception {
    var tickets = new AtomicInteger(executions);
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 16; i++) {
        pool.submit(
            () -> {
              while (tickets.getAndDecrement() > 0) startAndWait(stateMachine);
              return null;
            });
      }
    }
  }

  /** One start of the burst: its HTTP status (0: no answer) and how long it took. */
  record StartAttempt(int status, double millis, boolean retryAfter, String executionId) {}

  /**
   * A burst of starts from many clients at once, none waiting for its execution: how many are
   * accepted, throttled (429) or fail (5xx, or no answer), and how long a start takes to answer.
   * Then waits for every accepted execution to end: an accepted start must never be lost.
   */
  private void burst(String stateMachine, int starts, int clients) throws Exception {
    var attempts = Collections.synchronizedList(new ArrayList<StartAttempt>());
    var tickets = new AtomicInteger(starts);
    Instant start = Instant.now();
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < clients; i++) {
        pool.submit(
            () -> {
              while (tickets.getAndDecrement() > 0) attempts.add(startOnce(stateMachine));
              return null;
            });
      }
    }
    double burstSeconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
    var accepted = attempts.stream().filter(a -> a.status() == 201).toList();
    long throttled = attempts.stream().filter(a -> a.status() == 429).count();
    long throttledWithRetryAfter =
        attempts.stream().filter(a -> a.status() == 429 && a.retryAfter()).count();
    long serverErrors = attempts.stream().filter(a -> a.status() >= 500).count();
    long noAnswer = attempts.stream().filter(a -> a.status() == 0).count();
    long other = attempts.size() - accepted.size() - throttled - serverErrors - noAnswer;
    var acceptedLatency = new Percentiles(accepted.stream().map(StartAttempt::millis).toList());
    var overallLatency = new Percentiles(attempts.stream().map(StartAttempt::millis).toList());
    Instant drainStart = Instant.now();
    int succeeded = 0;
    int notEnded = 0;
    for (var a : accepted) {
      String status = awaitEnd(a.executionId(), drainStart.plusSeconds(120));
      if ("SUCCEEDED".equals(status)) succeeded++;
      else if ("RUNNING".equals(status)) notEnded++;
    }
    String text =
        ("RESULT burst starts=%d clients=%d seconds=%.1f accepted=%d throttled_429=%d (with Retry-After: %d)"
                + " server_errors_5xx=%d no_answer=%d other=%d"
                + " start_ms accepted p50=%.1f p99=%.1f max=%.1f overall p50=%.1f p99=%.1f max=%.1f"
                + " accepted_succeeded=%d accepted_still_running=%d drained_after_s=%.1f"
                + " throttled_by_reason=%s")
            .formatted(
                starts,
                clients,
                burstSeconds,
                accepted.size(),
                throttled,
                throttledWithRetryAfter,
                serverErrors,
                noAnswer,
                other,
                acceptedLatency.at(50),
                acceptedLatency.at(99),
                acceptedLatency.at(100),
                overallLatency.at(50),
                overallLatency.at(99),
                overallLatency.at(100),
                succeeded,
                notEnded,
                Duration.between(drainStart, Instant.now()).toMillis() / 1000.0,
                throttledByReason());
    report.add(text);
    System.out.println(text);
  }

  /** The service's own count of refused starts, by reason (from its Prometheus scrape). */
  private String throttledByReason() throws Exception {
    String scrape =
        CLIENT
            .send(
                HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    var counts = new java.util.TreeMap<String, Long>();
    var matcher =
        java.util.regex.Pattern.compile(
                "(?m)^stepwise_admission_throttled_total\\{[^}]*reason=\"(\\w+)\"[^}]*} ([0-9.eE+]+)")
            .matcher(scrape);
    while (matcher.find())
      counts.put(matcher.group(1), (long) Double.parseDouble(matcher.group(2)));
    return counts.isEmpty() ? "none" : counts.toString().replace(" ", "");
  }

  private StartAttempt startOnce(String stateMachine) {
    long t0 = System.nanoTime();
    try {
      var response =
          CLIENT.send(
              HttpRequest.newBuilder(
                      URI.create(base + "/v1/state-machines/" + stateMachine + "/executions"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      double millis = (System.nanoTime() - t0) / 1e6;
      String id = null;
      if (response.statusCode() == 201) {
        id = (String) ((Map<?, ?>) Json.parse(response.body())).get("executionId");
      }
      boolean retryAfter = response.headers().firstValue("Retry-After").isPresent();
      return new StartAttempt(response.statusCode(), millis, retryAfter, id);
    } catch (Exception e) {
      return new StartAttempt(0, (System.nanoTime() - t0) / 1e6, false, null);
    }
  }

  private String awaitEnd(String executionId, Instant deadline) throws Exception {
    while (true) {
      String status = (String) get("/v1/executions/" + executionId).get("status");
      if (!"RUNNING".equals(status) || Instant.now().isAfter(deadline)) return status;
      Thread.sleep(50);
    }
  }

  void line(
      String workload, int starters, Round r, int transitionsPerExecution, Percentiles dispatch) {
    double seconds = r.elapsed().toMillis() / 1000.0;
    double perSecond = r.executions().size() / seconds;
    var latency =
        new Percentiles(
            r.executions().stream()
                .map(e -> millisBetween((String) e.get("startedAt"), (String) e.get("stoppedAt")))
                .toList());
    String text =
        "RESULT %s starters=%d executions_per_s=%.0f transitions_per_s=%.0f latency_ms p50=%.1f p99=%.1f failed=%d"
            .formatted(
                workload,
                starters,
                perSecond,
                perSecond * transitionsPerExecution,
                latency.at(50),
                latency.at(99),
                r.failed());
    if (dispatch != null) {
      text += " dispatch_overhead_ms p50=%.1f p99=%.1f".formatted(dispatch.at(50), dispatch.at(99));
    }
    report.add(text);
    System.out.println(text);
  }

  /** TaskScheduled (committed just before the request may leave) to the request's arrival. */
  @SuppressWarnings("unchecked")
  private Percentiles dispatchOverhead(Round r, StubEndpoint stub) throws Exception {
    var samples = new ArrayList<Double>();
    for (var execution : r.executions().subList(0, Math.min(200, r.executions().size()))) {
      String id = (String) execution.get("executionId");
      var events =
          (List<Map<String, Object>>)
              get("/v1/executions/" + id + "/history?pageSize=1000").get("events");
      String state = null;
      for (var event : events) {
        if (event.get("type").equals("TaskStateEntered")) {
          state = (String) ((Map<String, Object>) event.get("details")).get("name");
        }
        if (event.get("type").equals("TaskScheduled")) {
          Instant arrived = stub.arrivals.get(id + "/" + state);
          if (arrived != null) {
            samples.add(
                Duration.between(Instant.parse((String) event.get("timestamp")), arrived).toNanos()
                    / 1e6);
          }
        }
      }
    }
    return new Percentiles(samples);
  }

  /** Starts executions with a one-second Wait together; lateness = exit time − due time. */
  @SuppressWarnings("unchecked")
  private Percentiles timerLateness(int count) throws Exception {
    var ids = Collections.synchronizedList(new ArrayList<String>());
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < count; i++) {
        pool.submit(
            () ->
                ids.add(
                    startPastAdmission("/v1/state-machines/bench-wait1-" + run + "/executions")));
      }
    }
    var samples = new ArrayList<Double>();
    for (String id : ids) {
      Instant deadline = Instant.now().plusSeconds(30);
      while (!"SUCCEEDED".equals(get("/v1/executions/" + id).get("status"))
          && Instant.now().isBefore(deadline)) {
        Thread.sleep(20);
      }
      var events =
          (List<Map<String, Object>>) get("/v1/executions/" + id + "/history").get("events");
      Instant entered = null;
      for (var event : events) {
        if (event.get("type").equals("WaitStateEntered"))
          entered = Instant.parse((String) event.get("timestamp"));
        if (event.get("type").equals("WaitStateExited") && entered != null) {
          samples.add(
              Duration.between(
                          entered.plusSeconds(1), Instant.parse((String) event.get("timestamp")))
                      .toNanos()
                  / 1e6);
        }
      }
    }
    return new Percentiles(samples);
  }

  /** Starts an execution, sent again while admission control answers 429: its id. */
  private String startPastAdmission(String path) throws Exception {
    for (int attempt = 0; attempt < 500; attempt++) {
      Object id = post(path, Map.of()).get("executionId");
      if (id != null) return (String) id;
      Thread.sleep(20);
    }
    throw new IllegalStateException("no start accepted in 500 attempts: " + path);
  }

  Map<String, Object> startAndWait(String stateMachine) throws Exception {
    return post("/v1/state-machines/" + stateMachine + "/executions?waitSeconds=60", Map.of());
  }

  void define(String name, String definition) throws Exception {
    post("/v1/state-machines", Map.of("name", name, "definition", Json.parse(definition)));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> post(String path, Object body) throws Exception {
    var response =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return (Map<String, Object>) Json.parse(response.body());
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> get(String path) throws Exception {
    var response =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(base + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    return (Map<String, Object>) Json.parse(response.body());
  }

  static double millisBetween(String from, String to) {
    return Duration.between(Instant.parse(from), Instant.parse(to)).toNanos() / 1e6;
  }

  static String passChain(int states) {
    var sb = new StringBuilder("{\"StartAt\": \"P1\", \"States\": {");
    for (int i = 1; i <= states; i++) {
      sb.append("\"P").append(i).append("\": {\"Type\": \"Pass\", ");
      sb.append(i == states ? "\"End\": true}" : "\"Next\": \"P" + (i + 1) + "\"},");
    }
    return sb.append("}}").toString();
  }

  static String taskChain(int states, String url) {
    var sb = new StringBuilder("{\"StartAt\": \"T1\", \"States\": {");
    for (int i = 1; i <= states; i++) {
      sb.append("\"T")
          .append(i)
          .append("\": {\"Type\": \"Task\", \"Resource\": \"")
          .append(url)
          .append("\", ");
      sb.append(i == states ? "\"End\": true}" : "\"Next\": \"T" + (i + 1) + "\"},");
    }
    return sb.append("}}").toString();
  }

  private static String waitOneSecond() {
    return """
        {"StartAt": "Before", "States": {
          "Before": {"Type": "Pass", "Next": "Sleep"},
          "Sleep": {"Type": "Wait", "Seconds": 1, "Next": "After"},
          "After": {"Type": "Pass", "End": true}}}
        """;
  }
}
