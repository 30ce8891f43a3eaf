package dev.stepwise.children;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.support.StepwiseInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A {@code .sync} Task whose child execution is mid-run when the service closes: after the restart
 * the child finishes, reports once, and the parent completes once, with no second child and no gap
 * or repeat in either history.
 */
class StartExecutionRestartIntegrationTests {

  @Test
  void aSyncChildSurvivesARestartAndItsParentCompletesOnce() {
    String parent;
    try (var first = StepwiseInstance.start()) {
      var api = first.api();
      api.createStateMachine(
          "sxr-child",
          """
          {"StartAt": "Sleep", "States": {
            "Sleep": {"Type": "Wait", "Seconds": 3, "Next": "Done"},
            "Done": {"Type": "Pass", "Parameters": {"got.$": "$.order"}, "End": true}}}
          """);
      api.createStateMachine(
          "sxr-parent",
          """
          {"StartAt": "Start", "States": {
            "Start": {"Type": "Task", "Resource": "arn:aws:states:::states:startExecution.sync:2",
              "Parameters": {"StateMachineArn": "sxr-child", "Input": {"order.$": "$.order"}},
              "ResultSelector": {"child.$": "$.Output"}, "Next": "After"},
            "After": {"Type": "Pass", "End": true}}}
          """);
      parent = api.start("sxr-parent", Map.of("order", 42));
      api.awaitEvent(parent, "TaskSubmitted", Duration.ofSeconds(20));
      assertThat(api.execution(parent).get("status")).isEqualTo("RUNNING");
    }

    try (var second = StepwiseInstance.start()) {
      var api = second.api();
      var done = api.awaitEnd(parent, Duration.ofSeconds(60));

      assertThat(done.get("status")).isEqualTo("SUCCEEDED");
      assertThat(done.get("output")).isEqualTo(Map.of("child", Map.of("got", 42)));
      var children = StartExecutionSupport.childrenOf(api, parent);
      assertThat(children)
          .singleElement()
          .satisfies(c -> assertThat(c.get("status")).isEqualTo("SUCCEEDED"));
      for (String id : List.of(parent, (String) children.getFirst().get("executionId"))) {
        var history = api.history(id);
        for (int i = 0; i < history.size(); i++) {
          assertThat(((Number) history.get(i).get("id")).longValue()).isEqualTo(i + 1);
        }
      }
      var types = api.history(parent).stream().map(e -> (String) e.get("type")).toList();
      for (String once :
          List.of("TaskStarted", "TaskSubmitted", "TaskSucceeded", "ExecutionSucceeded")) {
        assertThat(types.stream().filter(once::equals)).as(once).hasSize(1);
      }
    }
  }
}
