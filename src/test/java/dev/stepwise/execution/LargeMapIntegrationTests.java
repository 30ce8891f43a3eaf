package dev.stepwise.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.support.StepwiseInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** An inline Map over a thousand items forks, runs and joins them all, in item order. */
class LargeMapIntegrationTests {

  @Test
  void aThousandIterationsJoinInOrder() {
    try (var stepwise = StepwiseInstance.start()) {
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
  }
}
