package dev.stepwise.children;

import dev.stepwise.asl.ErrorNames;
import dev.stepwise.asl.Json;
import dev.stepwise.engine.TaskOutcome;
import dev.stepwise.execution.ExecutionRow;
import dev.stepwise.execution.ExecutionRow.ExecutionStatus;
import dev.stepwise.task.SdkMetadata;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The results of {@code states:startExecution} Tasks in AWS's shapes: StartExecution's answer for a
 * start, DescribeExecution's for a {@code .sync} child that ended, its dates in epoch milliseconds
 * as AWS's service integrations write them. {@code .sync} gives the child's input and output as
 * JSON text, {@code .sync:2} as JSON values.
 */
@Component
class ChildResults {
  private final ExecutionArns arns;

  ChildResults(ExecutionArns arns) {
    this.arns = arns;
  }

  /** StartExecution's answer: {@code {"ExecutionArn", "StartDate"}} and the SDK's metadata. */
  Map<String, Object> started(ExecutionRow child) {
    var result = new LinkedHashMap<String, Object>();
    result.put("ExecutionArn", arns.execution(child.stateMachine(), child.name()));
    String requestId = UUID.randomUUID().toString();
    var headers = new LinkedHashMap<String, String>();
    headers.put("x-amzn-RequestId", requestId);
    headers.put("Content-Type", "application/x-amz-json-1.0");
    SdkMetadata.addTo(result, 200, headers, requestId);
    result.put("StartDate", child.startedAt().toEpochMilli());
    return result;
  }

  /**
   * How a {@code .sync} Task ends with its child's end: the child's description is the result of a
   * child that succeeded; any other end fails the Task with {@code States.TaskFailed} and the
   * description as JSON text for the cause.
   */
  TaskOutcome outcome(ExecutionRow child, boolean jsonValues) {
    Map<String, Object> described = described(child, jsonValues);
    if (child.status() == ExecutionStatus.SUCCEEDED) return new TaskOutcome.Succeeded(described);
    return new TaskOutcome.Failed(ErrorNames.TASK_FAILED, Json.write(described));
  }

  /** DescribeExecution's answer for an execution that ended. */
  Map<String, Object> described(ExecutionRow child, boolean jsonValues) {
    var result = new LinkedHashMap<String, Object>();
    result.put("ExecutionArn", arns.execution(child.stateMachine(), child.name()));
    result.put("StateMachineArn", arns.stateMachine(child.stateMachine()));
    result.put("Name", child.name());
    result.put("Status", child.status().name());
    result.put("StartDate", child.startedAt().toEpochMilli());
    if (child.stoppedAt() != null) result.put("StopDate", child.stoppedAt().toEpochMilli());
    result.put("Input", jsonValues ? Json.parseStored(child.input()) : child.input());
    result.put("InputDetails", Map.of("Included", true));
    if (child.output() != null) {
      result.put("Output", jsonValues ? Json.parseStored(child.output()) : child.output());
      result.put("OutputDetails", Map.of("Included", true));
    }
    if (child.error() != null) result.put("Error", child.error());
    if (child.cause() != null) result.put("Cause", child.cause());
    if (child.version() != null) {
      result.put(
          "StateMachineVersionArn", arns.stateMachine(child.stateMachine(), child.version()));
    }
    if (child.alias() != null) {
      result.put("StateMachineAliasArn", arns.stateMachine(child.stateMachine(), child.alias()));
    }
    result.put("RedriveCount", child.redriveCount());
    return result;
  }
}
