package dev.stepwise.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.support.StepwiseInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Large forks: an inline Map or a Parallel with more children than one transaction starts runs them
 * all (in follow-up transactions), joins them in order, and a Map whose history would pass the
 * limit fails at the limit instead of running on.
 */
class LargeMapIntegrationTests {
  static StepwiseInstance stepwise;

  @BeforeAll
  static void start() {
    stepwise = StepwiseInstance.start();
  }

  @AfterAll
  static void stop() {
    stepwise.close();
  }

  @Test
  void aThousandIterationsJoinInOrder() {
    var api = stepwise.api();
    api.createStateMachine(
        "large-map",
        """
        {"StartAt": "Each", "States": {"Each": {"Type": "Map", "End": true,
          "ItemSelector": {"i.$": "$$.Map.Item.Index", "v.$": "$$.Map.Item.Value"},
          "ItemProcessor": {"StartAt": "Double", "States": {
            "Double": {"Type": "Pass", "Parameters": {"n.$": "States.MathAdd($.v, $.v)"},
              "End": true}}}}}}
        """);
    var items = IntStream.range(0, 1000).boxed().toList();

    var execution = api.awaitEnd(api.start("large-map", items), Duration.ofSeconds(60));

    assertThat(execution.get("status")).isEqualTo("SUCCEEDED");
    List<Object> expected =
        IntStream.range(0, 1000).<Object>mapToObj(i -> Map.of("n", 2 * i)).toList();
    assertThat(execution.get("output")).isEqualTo(expected);
  }

  @Test
  void aMapPastTheHistoryLimitFailsAtTheLimit() {
    var api = stepwise.api();
    api.createStateMachine("large-map-limit", passMap(""));
    // 30,000 iterations of four events each would write 120,000 events; the limit is 25,000.
    var items = IntStream.range(0, 30_000).boxed().toList();

    String id = api.start("large-map-limit", items);
    var execution = api.awaitEnd(id, Duration.ofSeconds(120));

    assertThat(execution.get("status")).isEqualTo("FAILED");
    assertThat(execution.get("error")).isEqualTo("States.Runtime");
    assertThat((String) execution.get("cause")).contains("limit of 25000 history events");
    var history = api.history(id);
    assertThat(history).hasSize(25_000);
    assertThat(history.getLast().get("type")).isEqualTo("ExecutionFailed");
    assertThat(history.getLast().get("id")).isEqualTo(25_000);
  }

  @Test
  void maxConcurrencyHoldsAcrossTransactions() {
    var api = stepwise.api();
    // 1,000 iterations start at once, more than one transaction starts; the other 100 wait for
    // free slots.
    api.createStateMachine("large-map-concurrency", passMap("\"MaxConcurrency\": 1000,"));
    var items = IntStream.range(0, 1100).boxed().toList();

    String id = api.start("large-map-concurrency", items);
    var execution = api.awaitEnd(id, Duration.ofSeconds(120));

    assertThat(execution.get("status")).isEqualTo("SUCCEEDED");
    assertThat(execution.get("output")).isEqualTo(IntStream.range(1, 1101).boxed().toList());
    var types =
        api.history(id).stream()
            .collect(Collectors.groupingBy(e -> (String) e.get("type"), Collectors.counting()));
    assertThat(types.get("MapIterationStarted")).isEqualTo(1100);
    assertThat(types.get("MapIterationSucceeded")).isEqualTo(1100);
    assertThat(types.get("MapStateSucceeded")).isEqualTo(1);
  }

  @Test
  void aParallelWithManyBranchesJoinsInBranchOrder() {
    var api = stepwise.api();
    int branches = 1200;
    String list =
        IntStream.range(0, branches)
            .mapToObj(
                i ->
                    "{\"StartAt\": \"B"
                        + i
                        + "\", \"States\": {\"B"
                        + i
                        + "\": {\"Type\": \"Pass\", \"Result\": "
                        + i
                        + ", \"End\": true}}}")
            .collect(Collectors.joining(","));
    api.createStateMachine(
        "large-parallel",
        "{\"StartAt\": \"All\", \"States\": {\"All\": {\"Type\": \"Parallel\", \"End\": true,"
            + " \"Branches\": ["
            + list
            + "]}}}");

    var execution = api.awaitEnd(api.start("large-parallel", Map.of()), Duration.ofSeconds(120));

    assertThat(execution.get("status")).isEqualTo("SUCCEEDED");
    assertThat(execution.get("output")).isEqualTo(IntStream.range(0, branches).boxed().toList());
  }

  @Test
  void aLargeMapUnderARaisedHistoryLimitSucceeds() {
    try (var raised = StepwiseInstance.start(Map.of("stepwise.limits.history-events", 100_000))) {
      var api = raised.api();
      api.createStateMachine("large-map-raised", passMap(""));
      var items = IntStream.range(0, 20_000).boxed().toList();

      String id = api.start("large-map-raised", items);
      var execution = api.awaitEnd(id, Duration.ofSeconds(180));

      assertThat(execution.get("status")).isEqualTo("SUCCEEDED");
      assertThat(execution.get("output")).isEqualTo(IntStream.range(1, 20_001).boxed().toList());
      // ExecutionStarted, MapStateEntered, MapStateStarted, four per iteration, MapStateSucceeded,
      // MapStateExited, ExecutionSucceeded.
      assertThat(api.history(id)).hasSize(6 + 4 * 20_000);
    }
  }

  /** A Map whose iterations add one to their item, with {@code fields} added to the Map state. */
  private static String passMap(String fields) {
    return """
        {"StartAt": "Each", "States": {"Each": {"Type": "Map", "End": true, %s
          "ItemProcessor": {"StartAt": "Add", "States": {
            "Add": {"Type": "Pass", "Parameters": {"n.$": "States.MathAdd($, 1)"},
              "OutputPath": "$.n", "End": true}}}}}}
        """
        .formatted(fields);
  }
}
