package dev.stepwise.children;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.support.Api;
import dev.stepwise.support.StepwiseInstance;
import dev.stepwise.support.TestEndpoint;
import dev.stepwise.support.TestEndpoint.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A distributed Map runs its items as child executions, visible through the API. */
class DistributedMapIntegrationTests {
  static TestEndpoint endpoint;
  static StepwiseInstance stepwise;
  static final AtomicInteger inFlight = new AtomicInteger();
  static final AtomicInteger mostInFlight = new AtomicInteger();

  @BeforeAll
  static void start() {
    endpoint = new TestEndpoint();
    endpoint.echo("/echo");
    endpoint.on(
        "/odd-fails",
        call -> {
          int value = ((Number) ((Map<?, ?>) call.body()).get("value")).intValue();
          return value % 2 == 1
              ? new Answer(500, Map.of("error", "Odd", "cause", "odd " + value))
              : Answer.ok(Map.of("even", value));
        });
    endpoint.on(
        "/concurrent",
        call -> {
          int now = inFlight.incrementAndGet();
          mostInFlight.accumulateAndGet(now, Math::max);
          // Holds the call until a second one arrives (or 2 s pass), so that calls the limit
          // allows to overlap do overlap.
          Instant deadline = Instant.now().plusSeconds(2);
          while (inFlight.get() < 2 && Instant.now().isBefore(deadline)) Thread.onSpinWait();
          inFlight.decrementAndGet();
          return Answer.ok(call.body());
        });
    stepwise = StepwiseInstance.start();
  }

  @AfterAll
  static void stop() {
    stepwise.close();
    endpoint.close();
  }

  private static String distributedMap(String name, String fields, String processorStates) {
    return """
        {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, %s
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
            "StartAt": "Work", "States": %s}}}}
        """
        .formatted(fields, processorStates);
  }

  private static String task(String path) {
    return "{\"Work\": {\"Type\": \"Task\", \"Resource\": \"%s\", \"End\": true}}"
        .formatted(endpoint.url(path));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> children(Api api, String parentId) {
    return (List<Map<String, Object>>)
        api.get("/v1/executions?parentExecution=" + parentId).json().get("items");
  }

  private static List<String> types(Api api, String id) {
    return api.history(id).stream().map(e -> (String) e.get("type")).toList();
  }

  @Test
  void itemsRunAsChildExecutionsListedWithTheirParent() {
    var api = stepwise.api();
    api.createStateMachine(
        "dmap-items",
        distributedMap(
            "dmap-items", "\"ItemsPath\": \"$.items\", \"Label\": \"Each\",", task("/echo")));
    String id =
        api.start(
            "dmap-items", Map.of("items", List.of(Map.of("n", 1), Map.of("n", 2), Map.of("n", 3))));
    var done = api.awaitEnd(id, Duration.ofSeconds(30));

    assertThat(done.get("status")).isEqualTo("SUCCEEDED");
    assertThat(done.get("output"))
        .isEqualTo(List.of(Map.of("n", 1), Map.of("n", 2), Map.of("n", 3)));
    assertThat(done).doesNotContainKey("parentExecutionId");
    var children = children(api, id);
    assertThat(children).hasSize(3);
    assertThat(children).allSatisfy(c -> assertThat(c.get("parentExecutionId")).isEqualTo(id));
    assertThat(children).allSatisfy(c -> assertThat(c.get("status")).isEqualTo("SUCCEEDED"));
    assertThat(children.stream().map(c -> (String) c.get("name")))
        .allSatisfy(name -> assertThat(name).startsWith(done.get("name") + ":Each:"));
    var child = api.execution((String) children.getFirst().get("executionId"));
    assertThat(child.get("stateMachine")).isEqualTo("dmap-items");
    assertThat(types(api, (String) child.get("executionId")))
        .containsSubsequence("ExecutionStarted", "TaskStateEntered", "ExecutionSucceeded");
    assertThat(types(api, id))
        .containsSubsequence(
            "MapStateStarted",
            "MapRunStarted",
            "MapRunSucceeded",
            "MapStateSucceeded",
            "ExecutionSucceeded")
        .doesNotContain("TaskStateEntered");
    // Children are not top-level executions.
    @SuppressWarnings("unchecked")
    var topLevel =
        (List<Map<String, Object>>)
            api.get("/v1/executions?stateMachine=dmap-items").json().get("items");
    assertThat(topLevel).extracting(e -> e.get("executionId")).containsExactly(id);
  }

  @Test
  void itemBatcherGroupsItemsWithTheBatchInput() {
    var api = stepwise.api();
    api.createStateMachine(
        "dmap-batches",
        distributedMap(
            "dmap-batches",
            "\"ItemsPath\": \"$.items\", \"ItemReader\": {\"ReaderConfig\": {\"MaxItems\": 5}},"
                + " \"ItemBatcher\": {\"MaxItemsPerBatch\": 2, \"BatchInput\": {\"tag.$\": \"$.tag\"}},",
            "{\"Work\": {\"Type\": \"Pass\", \"End\": true}}"));
    String id =
        api.start("dmap-batches", Map.of("tag", "b", "items", List.of(1, 2, 3, 4, 5, 6, 7)));
    var done = api.awaitEnd(id, Duration.ofSeconds(30));

    assertThat(done.get("status")).as("%s", done).isEqualTo("SUCCEEDED");
    assertThat(done.get("output"))
        .isEqualTo(
            List.of(
                Map.of("BatchInput", Map.of("tag", "b"), "Items", List.of(1, 2)),
                Map.of("BatchInput", Map.of("tag", "b"), "Items", List.of(3, 4)),
                Map.of("BatchInput", Map.of("tag", "b"), "Items", List.of(5))));
    assertThat(children(api, id)).hasSize(3);
  }

  @Test
  void maxConcurrencyBoundsTheRunningChildren() {
    var api = stepwise.api();
    mostInFlight.set(0);
    api.createStateMachine(
        "dmap-concurrency",
        distributedMap("dmap-concurrency", "\"MaxConcurrency\": 2,", task("/concurrent")));
    String id = api.start("dmap-concurrency", List.of(0, 1, 2, 3, 4, 5));
    var done = api.awaitEnd(id, Duration.ofSeconds(60));

    assertThat(done.get("status")).isEqualTo("SUCCEEDED");
    assertThat(done.get("output")).isEqualTo(List.of(0, 1, 2, 3, 4, 5));
    assertThat(mostInFlight.get()).isEqualTo(2);
    assertThat(endpoint.calls("/concurrent")).hasSize(6);
  }

  @Test
  void failuresWithinTheToleratedCountKeepTheirErrorOutput() {
    var api = stepwise.api();
    api.createStateMachine(
        "dmap-tolerated",
        distributedMap("dmap-tolerated", "\"ToleratedFailureCount\": 2,", task("/odd-fails")));
    String id =
        api.start(
            "dmap-tolerated", List.of(Map.of("value", 1), Map.of("value", 2), Map.of("value", 3)));
    var done = api.awaitEnd(id, Duration.ofSeconds(30));

    assertThat(done.get("status")).isEqualTo("SUCCEEDED");
    assertThat(done.get("output"))
        .isEqualTo(
            List.of(
                Map.of("Error", "Odd", "Cause", "odd 1"),
                Map.of("even", 2),
                Map.of("Error", "Odd", "Cause", "odd 3")));
  }

  @Test
  void failuresBeyondTheToleratedCountFailTheMap() {
    var api = stepwise.api();
    api.createStateMachine(
        "dmap-count-exceeded",
        distributedMap("dmap-count-exceeded", "\"ToleratedFailureCount\": 1,", task("/odd-fails")));
    String id =
        api.start(
            "dmap-count-exceeded",
            List.of(Map.of("value", 1), Map.of("value", 2), Map.of("value", 3)));
    var done = api.awaitEnd(id, Duration.ofSeconds(30));

    assertThat(done.get("status")).isEqualTo("FAILED");
    assertThat(done.get("error")).isEqualTo("States.ExceedToleratedFailureThreshold");
    assertThat(types(api, id))
        .containsSubsequence("MapRunFailed", "MapStateFailed", "ExecutionFailed");
  }

  @Test
  void toleratedPercentageIsCheckedAgainstAllItems() {
    var api = stepwise.api();
    // Two of four items fail: 50 %.
    var items =
        List.of(Map.of("value", 1), Map.of("value", 2), Map.of("value", 3), Map.of("value", 4));
    api.createStateMachine(
        "dmap-percent-ok",
        distributedMap(
            "dmap-percent-ok", "\"ToleratedFailurePercentage\": 50,", task("/odd-fails")));
    api.createStateMachine(
        "dmap-percent-exceeded",
        distributedMap(
            "dmap-percent-exceeded",
            "\"ToleratedFailurePercentagePath\": \"$.percent\", \"ItemsPath\": \"$.items\",",
            task("/odd-fails")));
    var ok = api.awaitEnd(api.start("dmap-percent-ok", items), Duration.ofSeconds(30));
    var exceeded =
        api.awaitEnd(
            api.start("dmap-percent-exceeded", Map.of("percent", 40, "items", items)),
            Duration.ofSeconds(30));

    assertThat(ok.get("status")).isEqualTo("SUCCEEDED");
    assertThat((List<?>) ok.get("output")).hasSize(4);
    assertThat(exceeded.get("status")).isEqualTo("FAILED");
    assertThat(exceeded.get("error")).isEqualTo("States.ExceedToleratedFailureThreshold");
  }

  @Test
  void aChildFailingWithNoToleranceFailsTheParent() {
    var api = stepwise.api();
    api.createStateMachine(
        "dmap-no-tolerance", distributedMap("dmap-no-tolerance", "", task("/odd-fails")));
    String id = api.start("dmap-no-tolerance", List.of(Map.of("value", 2), Map.of("value", 3)));
    var done = api.awaitEnd(id, Duration.ofSeconds(30));

    assertThat(done.get("status")).isEqualTo("FAILED");
    assertThat(done.get("error")).isEqualTo("States.ExceedToleratedFailureThreshold");
    var failedChild =
        children(api, id).stream().filter(c -> "FAILED".equals(c.get("status"))).toList();
    assertThat(failedChild)
        .singleElement()
        .satisfies(c -> assertThat(c.get("error")).isEqualTo("Odd"));
  }

  @Test
  void stoppingTheParentAbortsItsRunningChildren() {
    var api = stepwise.api();
    api.createStateMachine(
        "dmap-stop",
        distributedMap(
            "dmap-stop", "", "{\"Work\": {\"Type\": \"Wait\", \"Seconds\": 300, \"End\": true}}"));
    String id = api.start("dmap-stop", List.of(1, 2, 3));
    awaitChildren(api, id, 3);

    assertThat(api.post("/v1/executions/" + id + "/stop", Map.of()).json().get("status"))
        .isEqualTo("ABORTED");

    Instant deadline = Instant.now().plusSeconds(20);
    while (children(api, id).stream().anyMatch(c -> "RUNNING".equals(c.get("status")))) {
      assertThat(Instant.now()).as("children still running").isBefore(deadline);
      Thread.onSpinWait();
    }
    assertThat(children(api, id))
        .hasSize(3)
        .allSatisfy(c -> assertThat(c.get("status")).isEqualTo("ABORTED"));
    assertThat(types(api, id))
        .containsSubsequence("MapRunStarted", "MapRunAborted", "ExecutionAborted");
  }

  static void awaitChildren(Api api, String id, int count) {
    Instant deadline = Instant.now().plusSeconds(20);
    while (children(api, id).size() < count) {
      assertThat(Instant.now()).as("children of %s", id).isBefore(deadline);
      Thread.onSpinWait();
    }
  }
}
