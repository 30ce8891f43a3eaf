package dev.stepwise.callback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.queue.QueueDriver;
import dev.stepwise.support.Api;
import dev.stepwise.support.StepwiseInstance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Activities: Task states whose workers pull their tasks and answer with the callback calls. */
class ActivityIntegrationTests {
  static StepwiseInstance stepwise;

  @BeforeAll
  static void start() {
    stepwise = StepwiseInstance.start();
  }

  @AfterAll
  static void stop() {
    stepwise.close();
  }

  private static Api api() {
    return stepwise.api();
  }

  /** Registers {@code activity} and a state machine whose one Task state is that activity. */
  private static void machine(String name, String activity, String fields) {
    assertThat(api().post("/v1/activities", Map.of("name", activity)).status()).isIn(200, 201);
    api()
        .createStateMachine(
            name,
            """
            {"StartAt": "Work", "States": {
              "Work": {"Type": "Task", %s
                "Resource": "arn:aws:states:eu-central-1:123456789012:activity:%s",
                "ResultPath": "$.result", "End": true}}}
            """
                .formatted(fields, activity));
  }

  private static Api.Response poll(String activity, String worker, int waitSeconds) {
    return api()
        .get(
            "/v1/activities/"
                + activity
                + "/task?worker="
                + worker
                + "&waitSeconds="
                + waitSeconds);
  }

  private static List<String> types(String executionId) {
    return api().history(executionId).stream().map(e -> (String) e.get("type")).toList();
  }

  @Test
  void registeringIsIdempotentAndListed() {
    var created = api().post("/v1/activities", Map.of("name", "reg-test"));
    var again = api().post("/v1/activities", Map.of("name", "reg-test"));

    assertThat(created.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(200);
    assertThat((String) created.json().get("activityArn")).endsWith(":activity:reg-test");
    @SuppressWarnings("unchecked")
    var items =
        (List<Map<String, Object>>) api().get("/v1/activities?pageSize=1000").json().get("items");
    assertThat(items).extracting(i -> i.get("name")).contains("reg-test");
    assertThat(api().post("/v1/activities", Map.of("name", "bad name")).status()).isEqualTo(400);
    assertThat(poll("never-registered", "w", 0).status()).isEqualTo(404);
  }

  @Test
  void aWorkerTakesTheTaskAndAnswersIt() {
    machine("act-basic", "basic", "");
    String id = api().start("act-basic", Map.of("n", 1));

    var task = poll("basic", "worker-1", 10);

    assertThat(task.status()).isEqualTo(200);
    assertThat(task.json().get("input")).isEqualTo(Map.of("n", 1));
    String token = (String) task.json().get("taskToken");
    assertThat(poll("basic", "worker-2", 0).status()).isEqualTo(204);
    var answer =
        api().post("/v1/task-tokens/success", Map.of("taskToken", token, "output", "done"));
    assertThat(answer.status()).isEqualTo(200);
    var ended = api().awaitEnd(id, Duration.ofSeconds(20));
    assertThat(ended.get("status")).isEqualTo("SUCCEEDED");
    assertThat(ended.get("output")).isEqualTo(Map.of("n", 1, "result", "done"));
    assertThat(types(id))
        .containsSubsequence(
            "ActivityScheduled", "ActivityStarted", "ActivitySucceeded", "ExecutionSucceeded");
    var started =
        api().history(id).stream()
            .filter(e -> "ActivityStarted".equals(e.get("type")))
            .findFirst()
            .orElseThrow();
    assertThat(started.get("details"))
        .isEqualTo(
            Map.of(
                "resource",
                "arn:aws:states:eu-central-1:123456789012:activity:basic",
                "workerName",
                "worker-1"));
  }

  @Test
  void aLongPollGetsATaskScheduledWhileItWaits() throws Exception {
    machine("act-long-poll", "long-poll", "");
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<Api.Response> polling = executor.submit(() -> poll("long-poll", "patient", 30));

      String id = api().start("act-long-poll", Map.of("n", 2));

      var task = polling.get();
      assertThat(task.status()).isEqualTo(200);
      assertThat(task.json().get("input")).isEqualTo(Map.of("n", 2));
      api()
          .post(
              "/v1/task-tokens/failure",
              Map.of("taskToken", task.json().get("taskToken"), "error", "Nope"));
      var ended = api().awaitEnd(id, Duration.ofSeconds(20));
      assertThat(ended.get("error")).isEqualTo("Nope");
      assertThat(types(id)).contains("ActivityFailed");
    }
  }

  @Test
  void twoWorkersNeverGetTheSameTask() throws Exception {
    machine("act-many", "many", "");
    int count = 12;
    var ids =
        IntStream.range(0, count).mapToObj(i -> api().start("act-many", Map.of("i", i))).toList();
    var tokens = new ConcurrentLinkedQueue<String>();

    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      var workers = new ArrayList<Future<?>>();
      for (int w = 0; w < 4; w++) {
        String worker = "worker-" + w;
        workers.add(
            executor.submit(
                () -> {
                  while (true) {
                    var task = poll("many", worker, 1);
                    if (task.status() == 204) return;
                    tokens.add((String) task.json().get("taskToken"));
                  }
                }));
      }
      for (var worker : workers) worker.get();
    }

    assertThat(tokens).hasSize(count).doesNotHaveDuplicates();
    for (String token : tokens) {
      assertThat(
              api()
                  .post("/v1/task-tokens/success", Map.of("taskToken", token, "output", 1))
                  .status())
          .isEqualTo(200);
    }
    for (String id : ids) {
      assertThat(api().awaitEnd(id, Duration.ofSeconds(20)).get("status")).isEqualTo("SUCCEEDED");
    }
  }

  @Test
  void theHeartbeatClockStartsWhenAWorkerTakesTheTask() {
    machine("act-heartbeat", "heartbeat", "\"HeartbeatSeconds\": 1,");
    String id = api().start("act-heartbeat", Map.of());
    api().awaitEvent(id, "ActivityScheduled", Duration.ofSeconds(20));
    // Longer than HeartbeatSeconds in the queue (by the clock, with every timer then due run):
    // no worker took it, so nothing times out.
    stepwise.clock().advance(Duration.ofSeconds(2));
    new QueueDriver(stepwise).runDueWork();
    assertThat(api().execution(id).get("status")).isEqualTo("RUNNING");

    assertThat(poll("heartbeat", "slow", 5).status()).isEqualTo(200);

    var ended = api().awaitEnd(id, Duration.ofSeconds(20));
    assertThat(ended.get("error")).isEqualTo("States.HeartbeatTimeout");
    assertThat(types(id)).containsSubsequence("ActivityStarted", "ActivityTimedOut");
  }
}
