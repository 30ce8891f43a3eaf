package dev.stepwise.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.asl.Json;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The chaos test's load: its state machine (Tasks, a Wait, a Map and a Retry), the calm runs whose
 * history is the reference, and the executions started under chaos, each start repeated until a
 * replica acknowledges it. It counts the starts, for the test to check that none was lost.
 */
final class ChaosWorkload {
  static final int CALM = 5; // run first, without chaos: the reference history

  final Map<String, String> acknowledged = new ConcurrentHashMap<>(); // name -> id
  final AtomicInteger startRetries = new AtomicInteger();
  final Map<String, Integer> startRefusals = new ConcurrentHashMap<>();
  final AtomicInteger requested = new AtomicInteger();
  private final AtomicInteger serverErrorNotes = new AtomicInteger();
  private final String run;
  private final ChaosApi api;
  private final ChaosTimeline timeline;

  ChaosWorkload(String run, ChaosApi api, ChaosTimeline timeline) {
    this.run = run;
    this.api = api;
    this.timeline = timeline;
  }

  void define() throws Exception {
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
  Map<String, Integer> calmRuns() throws Exception {
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
  void load(int executions, Duration period, AtomicBoolean chaosDone) throws InterruptedException {
    int count = executions - CALM;
    long intervalNanos = period.toNanos() / count;
    requested.set(CALM);
    try (var starters = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < count || (!chaosDone.get() && i < 3 * count); i++) {
        long due = i * intervalNanos - timeline.sinceLoadStart().toNanos();
        if (due > 0) Thread.sleep(Duration.ofNanos(due));
        int n = CALM + i;
        requested.incrementAndGet();
        starters.submit(() -> start(n));
      }
    }
  }

  /**
   * Starts one execution; a call that gets no answer, a 429 or a 5xx, is repeated on the next
   * replica with the same name and input: an idempotent start, so nothing can be started twice.
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
          timeline.note("start of e%d answered %d: %s", n, answer.status(), answer.body());
        }
        // Throttled (429, admission control while starts pile up behind an outage): try again
        // later, as an AWS client retries a ThrottlingException.
        if (answer.status() < 500 && answer.status() != 429) {
          timeline.note("start of e%d refused: %d %s", n, answer.status(), answer.body());
          return null;
        }
      } catch (IOException e) {
        startRefusals.merge(e.getClass().getSimpleName(), 1, Integer::sum);
      }
      startRetries.incrementAndGet();
      Thread.sleep(300);
    }
    timeline.note("start of e%d never acknowledged", n);
    return null;
  }

  /** Waits until no execution of the run is RUNNING; the seconds it took. */
  long awaitEnd(Duration timeout) throws InterruptedException {
    Instant from = Instant.now();
    Instant deadline = from.plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (api.list("/v1/executions?stateMachine=" + run + "&status=RUNNING", "items").isEmpty())
        break;
      Thread.sleep(2000);
    }
    return Duration.between(from, Instant.now()).toSeconds();
  }
}
