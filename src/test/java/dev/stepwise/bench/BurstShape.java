package dev.stepwise.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The shape peers are measured in: a burst of N executions started by C clients as fast as they
 * can, none waiting for its execution (a 429 is retried after 20 ms, as a client honouring
 * admission control would), throughput from the first start to the last execution's {@code
 * stoppedAt}. Its state machine must be used by nothing else, so that counting its executions in
 * the database tells when the burst is over.
 */
final class BurstShape {
  private final HttpClient client;
  private final String base;
  private final DatabaseMeter database;

  BurstShape(HttpClient client, String base, DatabaseMeter database) {
    this.client = client;
    this.base = base;
    this.database = database;
  }

  record Result(double executionsPerSecond, double seconds, String text) {}

  Result run(
      String label, String stateMachine, int executions, int clients, int transitions, Costs costs)
      throws Exception {
    var tickets = new AtomicInteger(executions);
    var retries = new AtomicInteger();
    var failedStarts = new AtomicInteger();
    costs.begin();
    Instant first = Instant.now();
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < clients; i++) {
        pool.submit(
            () -> {
              while (tickets.getAndDecrement() > 0) start(stateMachine, retries, failedStarts);
              return null;
            });
      }
    }
    double startPhase = Duration.between(first, Instant.now()).toMillis() / 1000.0;
    Instant deadline = Instant.now().plusSeconds(300);
    while (database.running(stateMachine) > 0 && Instant.now().isBefore(deadline)) {
      Thread.sleep(20);
    }
    Instant last = database.lastStop(stateMachine);
    String perExecution = costs.end(executions);
    double seconds = Duration.between(first, last).toNanos() / 1e9;
    double perSecond = executions / seconds;
    String text =
        ("RESULT %s burst=%d clients=%d executions_per_s=%.0f transitions_per_s=%.0f seconds=%.2f"
                + " start_phase_s=%.2f retried_429=%d failed_starts=%d statuses=%s %s")
            .formatted(
                label,
                executions,
                clients,
                perSecond,
                perSecond * transitions,
                seconds,
                startPhase,
                retries.get(),
                failedStarts.get(),
                database.statuses(stateMachine),
                perExecution);
    return new Result(perSecond, seconds, text);
  }

  private void start(String stateMachine, AtomicInteger retries, AtomicInteger failed)
      throws Exception {
    var request =
        HttpRequest.newBuilder(
                URI.create(base + "/v1/state-machines/" + stateMachine + "/executions"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build();
    for (int attempt = 0; attempt < 1000; attempt++) {
      var response = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 201) return;
      if (response.statusCode() != 429) break;
      retries.incrementAndGet();
      Thread.sleep(20);
    }
    failed.incrementAndGet();
  }
}
