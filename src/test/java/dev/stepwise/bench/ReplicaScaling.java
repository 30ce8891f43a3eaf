package dev.stepwise.bench;

import dev.stepwise.asl.Json;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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

/**
 * How far one database goes ({@code -Dbench.only=replicas}): 1, 2, then 3 replicas of the packaged
 * service on one PostgreSQL, each round driven by the same closed loop of starters spread evenly
 * over the replicas (starter i talks to replica i mod n), on the Pass chain and the 3-Task chain.
 * Prints executions/s and transitions/s per replica count. The replicas share the machine with the
 * database and the driver, so the figures say how the database and the claim protocol scale, not
 * what more machines would add.
 */
final class ReplicaScaling {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final int STARTERS = Integer.getInteger("bench.replicas.starters", 64);

  private final Duration round;
  private final String run = Long.toString(System.currentTimeMillis(), 36);

  ReplicaScaling(Duration round) {
    this.round = round;
  }

  List<String> measure(String databaseUrl) throws Exception {
    var report = new ArrayList<String>();
    EmbeddedPostgres embedded = null;
    if (databaseUrl == null) {
      // One durable cluster for every replica (fsync on, as a user's would be).
      embedded = EmbeddedPostgres.builder().setServerConfig("fsync", "on").start();
      databaseUrl = embedded.getJdbcUrl("postgres", "postgres");
    }
    try (var stub = new StubEndpoint()) {
      for (int replicas = 1; replicas <= 3; replicas++) {
        var lines = measure(databaseUrl, replicas, stub);
        // At once: a later set of replicas that fails to start leaves these figures behind.
        lines.forEach(System.out::println);
        report.addAll(lines);
      }
    } finally {
      if (embedded != null) embedded.close();
    }
    return report;
  }

  private List<String> measure(String databaseUrl, int replicas, StubEndpoint stub)
      throws Exception {
    var services = new ArrayList<ServiceProcess>();
    try {
      for (int i = 0; i < replicas; i++) {
        int port;
        try (var socket = new ServerSocket(0)) {
          port = socket.getLocalPort();
        }
        services.add(
            ServiceProcess.start(
                ServiceProcess.jar(),
                port,
                databaseUrl,
                Path.of("target", "bench-replica-" + replicas + "-" + i + ".log"),
                List.of("--stepwise.queue.node-id=replica-" + i)));
      }
      var bases = services.stream().map(s -> s.base).toList();
      String pass = "bench-replicas-pass10-" + replicas + "-" + run;
      String http = "bench-replicas-http3-" + replicas + "-" + run;
      define(bases.getFirst(), pass, StepwiseBenchmark.passChain(10));
      define(bases.getFirst(), http, StepwiseBenchmark.taskChain(3, stub.url()));
      drive(bases, pass, Duration.ofSeconds(5)); // warm-up of every replica
      drive(bases, http, Duration.ofSeconds(5));
      return List.of(
          line(replicas, "pass10", 10, drive(bases, pass, round)),
          line(replicas, "http3", 3, drive(bases, http, round)));
    } finally {
      for (var service : services) service.close();
    }
  }

  /** Succeeded executions, starts refused with 429 (admission), and anything else. */
  private record Result(int executions, int throttled, int failed, Duration elapsed) {}

  private Result drive(List<String> bases, String stateMachine, Duration duration)
      throws Exception {
    var done = new AtomicInteger();
    var throttled = new AtomicInteger();
    var failed = new AtomicInteger();
    Instant start = Instant.now();
    Instant end = start.plus(duration);
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < STARTERS; i++) {
        String base = bases.get(i % bases.size());
        pool.submit(
            () -> {
              while (Instant.now().isBefore(end)) {
                var execution =
                    post(base, "/v1/state-machines/" + stateMachine + "/executions?waitSeconds=60");
                Object status = execution.get("status");
                if ("SUCCEEDED".equals(status)) {
                  done.incrementAndGet();
                } else if (status instanceof Number n && n.intValue() == 429) {
                  // A problem detail: the replica is overloaded; wait as Retry-After asks.
                  throttled.incrementAndGet();
                  Thread.sleep(Duration.ofSeconds(1));
                } else {
                  failed.incrementAndGet();
                }
              }
              return null;
            });
      }
    }
    return new Result(
        done.get(), throttled.get(), failed.get(), Duration.between(start, Instant.now()));
  }

  private static String line(int replicas, String workload, int transitions, Result r) {
    double perSecond = r.executions() / (r.elapsed().toMillis() / 1000.0);
    return ("RESULT replicas=%d %s starters=%d executions_per_s=%.0f transitions_per_s=%.0f"
            + " throttled_429=%d failed=%d")
        .formatted(
            replicas,
            workload,
            STARTERS,
            perSecond,
            perSecond * transitions,
            r.throttled(),
            r.failed());
  }

  private static void define(String base, String name, String definition) throws Exception {
    var body = Json.write(Map.of("name", name, "definition", Json.parse(definition)));
    CLIENT.send(
        HttpRequest.newBuilder(URI.create(base + "/v1/state-machines"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> post(String base, String path) {
    try {
      var response =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(base + path))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return (Map<String, Object>) Json.parse(response.body());
    } catch (Exception e) {
      return Collections.emptyMap();
    }
  }
}
