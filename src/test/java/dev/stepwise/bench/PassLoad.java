package dev.stepwise.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed loop of starters of a 10-state Pass chain, each starting an execution and waiting for
 * its end: the state transitions/s the service keeps up, for a fixed time or while some other work
 * runs.
 */
final class PassLoad {
  private final HttpClient client;
  private final String base;
  private final String stateMachine;

  PassLoad(HttpClient client, String base, String stateMachine) {
    this.client = client;
    this.base = base;
    this.stateMachine = stateMachine;
  }

  /** Runs for {@code duration}, or until {@code until} is done when it is given. */
  double transitionsPerSecond(int starters, Duration duration, Future<?> until) throws Exception {
    var succeeded = new AtomicLong();
    Instant start = Instant.now();
    Instant end = duration == null ? null : start.plus(duration);
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < starters; i++) {
        pool.submit(
            () -> {
              while (until == null ? Instant.now().isBefore(end) : !until.isDone()) {
                if (startAndWait()) succeeded.incrementAndGet();
              }
              return null;
            });
      }
    }
    double seconds = Duration.between(start, Instant.now()).toNanos() / 1e9;
    return succeeded.get() * 10 / seconds;
  }

  private boolean startAndWait() throws Exception {
    var response =
        client.send(
            HttpRequest.newBuilder(
                    URI.create(
                        base + "/v1/state-machines/" + stateMachine + "/executions?waitSeconds=60"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return response.body().contains("\"SUCCEEDED\"");
  }
}
