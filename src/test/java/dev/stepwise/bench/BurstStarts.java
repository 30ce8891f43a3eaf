package dev.stepwise.bench;

import dev.stepwise.asl.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The burst ({@code -Dbench.only=burst}): {@code bench.burst.starts} (3,000) starts of the 3-Task
 * chain from {@code bench.burst.clients} (128) clients at once, none waiting for its execution,
 * counting accepted, throttled (429) and failed starts and timing the answers.
 */
final class BurstStarts {
  private static final int STARTS = Integer.getInteger("bench.burst.starts", 3000);
  private static final int CLIENTS = Integer.getInteger("bench.burst.clients", 128);

  private final StepwiseBenchmark bench;

  BurstStarts(StepwiseBenchmark bench) {
    this.bench = bench;
  }

  /** One start of the burst: its HTTP status (0: no answer) and how long it took. */
  record StartAttempt(int status, double millis, boolean retryAfter, String executionId) {}

  /**
   * A burst of starts from many clients at once, none waiting for its execution: how many are
   * accepted, throttled (429) or fail (5xx, or no answer), and how long a start takes to answer.
   * Then waits for every accepted execution to end: an accepted start must never be lost.
   */
  void run(String stateMachine) throws Exception {
    var attempts = Collections.synchronizedList(new ArrayList<StartAttempt>());
    var tickets = new AtomicInteger(STARTS);
    Instant start = Instant.now();
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < CLIENTS; i++) {
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
                STARTS,
                CLIENTS,
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
    bench.report.add(text);
    System.out.println(text);
  }

  /** The service's own count of refused starts, by reason (from its Prometheus scrape). */
  private String throttledByReason() throws Exception {
    String scrape =
        StepwiseBenchmark.CLIENT
            .send(
                HttpRequest.newBuilder(URI.create(bench.base + "/actuator/prometheus")).build(),
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
          StepwiseBenchmark.CLIENT.send(
              HttpRequest.newBuilder(
                      URI.create(bench.base + "/v1/state-machines/" + stateMachine + "/executions"))
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
      String status = (String) bench.get("/v1/executions/" + executionId).get("status");
      if (!"RUNNING".equals(status) || Instant.now().isAfter(deadline)) return status;
      Thread.sleep(50);
    }
  }
}
