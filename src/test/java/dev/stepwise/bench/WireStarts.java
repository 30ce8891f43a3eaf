package dev.stepwise.bench;

import dev.stepwise.asl.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts through the AWS wire API beside starts through the REST API, in the same run and against
 * the same state machine: each starter sends a start and, once it is answered, the next (no waiting
 * for the execution). The two APIs alternate, REST then wire, twice at each concurrency, so drift
 * of the machine falls on both. Both use the same plain HTTP client: the figures are the service's
 * cost of each protocol, not an SDK's.
 */
final class WireStarts {
  private static final int[] STARTERS = {1, 16};

  private final HttpClient client;
  private final String base;

  WireStarts(HttpClient client, String base) {
    this.client = client;
    this.base = base;
  }

  record Round(int starts, int failed, Duration elapsed, Percentiles latency) {}

  List<String> compare(String stateMachine, Duration duration) throws Exception {
    var lines = new ArrayList<String>();
    for (int starters : STARTERS) {
      for (int pair = 1; pair <= 2; pair++) {
        for (String api : List.of("rest", "wire")) {
          var r = round(api, stateMachine, starters, duration);
          String line =
              "RESULT starts api=%s starters=%d pair=%d starts_per_s=%.0f start_ms p50=%.1f p99=%.1f failed=%d"
                  .formatted(
                      api,
                      starters,
                      pair,
                      r.starts() / (r.elapsed().toMillis() / 1000.0),
                      r.latency().at(50),
                      r.latency().at(99),
                      r.failed());
          System.out.println(line);
          lines.add(line);
        }
      }
    }
    return lines;
  }

  private Round round(String api, String stateMachine, int starters, Duration duration)
      throws Exception {
    var millis = Collections.synchronizedList(new ArrayList<Double>());
    var failed = new AtomicInteger();
    Duration elapsed =
        ClosedLoops.loop(
            starters,
            duration,
            () -> {
              long t0 = System.nanoTime();
              int status = send(api.equals("rest") ? rest(stateMachine) : wire(stateMachine));
              if (status == 200 || status == 201) millis.add((System.nanoTime() - t0) / 1e6);
              else failed.incrementAndGet();
            });
    return new Round(millis.size(), failed.get(), elapsed, new Percentiles(List.copyOf(millis)));
  }

  private HttpRequest rest(String stateMachine) {
    return HttpRequest.newBuilder(
            URI.create(base + "/v1/state-machines/" + stateMachine + "/executions"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"input\":{}}"))
        .build();
  }

  private HttpRequest wire(String stateMachine) {
    String body =
        Json.write(
            Map.of(
                "stateMachineArn",
                "arn:aws:states:us-east-1:123456789012:stateMachine:" + stateMachine,
                "input",
                "{}"));
    return HttpRequest.newBuilder(URI.create(base + "/"))
        .header("Content-Type", "application/x-amz-json-1.0")
        .header("X-Amz-Target", "AWSStepFunctions.StartExecution")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private int send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      return 0;
    }
  }
}
