package dev.stepwise.children;

import dev.stepwise.support.Api;
import dev.stepwise.support.StepwiseInstance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Definitions written for AWS that start executions of other state machines ({@code
 * arn:aws:states:::states:startExecution} and its {@code .sync}, {@code .sync:2} and {@code
 * .waitForTaskToken} patterns) run against the service and PostgreSQL, with AWS's result shapes and
 * errors. What their tests share: one instance per test class with the child state machines, and
 * the children and history read back.
 */
abstract class StartExecutionSupport {
  static final String ARN = "arn:aws:states:us-east-1:123456789012:stateMachine:";
  static StepwiseInstance stepwise;

  @BeforeAll
  static void start() {
    stepwise = StepwiseInstance.start();
    var api = stepwise.api();
    api.createStateMachine(
        "sx-double",
        """
        {"StartAt": "Double", "States": {"Double": {"Type": "Pass",
          "Parameters": {"doubled.$": "States.MathAdd($.n, $.n)"}, "End": true}}}
        """);
    api.createStateMachine(
        "sx-fail",
        """
        {"StartAt": "Fail", "States": {"Fail": {"Type": "Fail",
          "Error": "OutOfStock", "Cause": "no more widgets"}}}
        """);
    api.createStateMachine(
        "sx-slow",
        """
        {"StartAt": "Sleep", "States": {"Sleep": {"Type": "Wait", "Seconds": 600, "End": true}}}
        """);
  }

  @AfterAll
  static void stop() {
    stepwise.close();
  }

  static Api api() {
    return stepwise.api();
  }

  static List<Map<String, Object>> children(String parentId) {
    return childrenOf(api(), parentId);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> childrenOf(Api api, String parentId) {
    return (List<Map<String, Object>>)
        api.get("/v1/executions?parentExecution=" + parentId).json().get("items");
  }

  static List<String> types(String executionId) {
    return api().history(executionId).stream().map(e -> (String) e.get("type")).toList();
  }
}
