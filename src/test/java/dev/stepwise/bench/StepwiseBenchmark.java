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
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The benchmark ({@code ./mvnw -Pbench verify}): starts the packaged service as its own process
 * against a durable PostgreSQL ({@link BenchDatabase}: fsync on, checked), warms it up, runs the
 * workloads and prints their {@code RESULT} lines and the service's peak RSS. First the two shapes
 * side by side with their costs per execution ({@link Shapes}: closed loop and burst); then, at 1,
 * 16 and 64 concurrent starters, a 10-state Pass chain and a 3-Task HTTP chain against a local stub
 * ({@link ClosedLoops}: executions/s, state transitions/s, start-to-finish latency, dispatch
 * overhead); timer lateness, a Wait's due time to the state going on ({@link TimerLateness}); a
 * burst of 3,000 starts of a 3-Task chain from 128 clients at once, none waiting for its execution
 * ({@link BurstStarts}: accepted, throttled and failed starts and their answers' times); starts of
 * the Pass chain through the AWS wire API beside starts through the REST API ({@link WireStarts});
 * last, one inline Map over 40,000 Pass items ({@link LargeMap}, the service runs with a history
 * limit raised for it). {@code -Dbench.only=burst} (or pass10, http3, timers, wire, map) runs only
 * that workload, after the warm-up; {@code -Dbench.only=replicas} runs 1, 2 and 3 replicas on one
 * database instead ({@link ReplicaScaling}); {@code -Dbench.only=retention} runs {@link
 * RetentionBench}, which no default run includes. The workloads share this class's REST calls
 * ({@link #define}, {@link #startAndWait}, {@link #post}, {@link #get}) and its report.
 */
class StepwiseBenchmark {
  static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static final Duration ROUND = Duration.ofSeconds(Long.getLong("bench.seconds", 10));

  /**
   * {@code -Dbench.only=burst} (or shapes, pass10, http3, timers, wire, map; several separated by
   * commas) runs only those workloads; {@code peers} (never by default) adds the peers' harnesses.
   */
  private static final String ONLY = System.getProperty("bench.only", "");

  private static final List<String> ONLY_LIST = List.of(ONLY.split(","));

  private static final int WARM_UP = Integer.getInteger("bench.warmup", 2000);

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
    var arguments = new ArrayList<>(List.of(LargeMap.HISTORY_LIMIT));
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
      define("bench-wait1-" + run, TimerLateness.WAIT_ONE_SECOND);
      define("bench-burst-" + run, taskChain(3, stub.url()));

      // Warm-up by count, not time: on a busy machine 5 s left the JIT compiling through the
      // measured rounds (a third of the service's CPU went to its compiler threads).
      warmUp("bench-pass10-" + run, WARM_UP);
      warmUp("bench-http3-" + run, WARM_UP);
      if (selected("shapes")) {
        new Shapes(this, service, meter, stub).run();
      }
      if (selected("pass10")) new ClosedLoops(this).pass10();
      if (selected("http3")) new ClosedLoops(this).http3(stub);
      if (selected("timers")) new TimerLateness(this).run();
      if (selected("burst")) new BurstStarts(this).run("bench-burst-" + run);
      if (selected("wire")) {
        report.addAll(new WireStarts(CLIENT, base).compare("bench-pass10-" + run, ROUND));
      }
      if (selected("map")) new LargeMap(this, service).run();
      if (ONLY.equals("retention")) {
        var load = new PassLoad(CLIENT, base, "bench-pass10-" + run);
        var results = new RetentionBench(databaseUrl, load, "bench-pass10-" + run).run();
        results.forEach(System.out::println);
        report.addAll(results);
      }
      report.add(
          "RESULT peak_rss_mib="
              + service.peakRssMiB()
              + " (JVM: "
              + ServiceProcess.memory()
              + ")");
    }
    if (ONLY_LIST.contains("peers")) Shapes.peers(report);
    System.out.println();
    System.out.println("==== Stepwise benchmark ====");
    report.forEach(System.out::println);
    assertThat(report).isNotEmpty();
  }

  private static boolean selected(String workload) {
    return ONLY.isEmpty() || ONLY_LIST.contains(workload);
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

  Map<String, Object> startAndWait(String stateMachine) throws Exception {
    return post("/v1/state-machines/" + stateMachine + "/executions?waitSeconds=60", Map.of());
  }

  void define(String name, String definition) throws Exception {
    post("/v1/state-machines", Map.of("name", name, "definition", Json.parse(definition)));
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> post(String path, Object body) throws Exception {
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
  Map<String, Object> get(String path) throws Exception {
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
}
