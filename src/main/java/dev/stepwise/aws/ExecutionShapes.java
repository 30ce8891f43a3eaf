package dev.stepwise.aws;

import java.time.Instant;
import java.util.List;

/** AWS's request and response shapes of the execution operations. */
final class ExecutionShapes {
  private ExecutionShapes() {}

  record StartExecutionRequest(
      String stateMachineArn, String name, String input, String traceHeader) {}

  record StartExecutionResponse(String executionArn, Instant startDate) {}

  record StartSyncExecutionRequest(
      String stateMachineArn, String name, String input, String traceHeader, String includedData) {}

  /** Whether input or output is included (CloudWatchEventsExecutionDataDetails). */
  record Included(Boolean included) {}

  record StartSyncExecutionResponse(
      String executionArn,
      String stateMachineArn,
      String name,
      Instant startDate,
      Instant stopDate,
      String status,
      String error,
      String cause,
      String input,
      Included inputDetails,
      String output,
      Included outputDetails,
      String traceHeader) {}

  record ExecutionArnRequest(String executionArn, String includedData) {}

  record DescribeExecutionResponse(
      String executionArn,
      String stateMachineArn,
      String name,
      String status,
      Instant startDate,
      Instant stopDate,
      String input,
      Included inputDetails,
      String output,
      Included outputDetails,
      String mapRunArn,
      String error,
      String cause,
      String stateMachineVersionArn,
      String stateMachineAliasArn,
      Integer redriveCount,
      Instant redriveDate,
      String redriveStatus,
      String redriveStatusReason) {}

  record ListExecutionsRequest(
      String stateMachineArn,
      String statusFilter,
      Integer maxResults,
      String nextToken,
      String mapRunArn,
      String redriveFilter) {}

  record ExecutionListItem(
      String executionArn,
      String stateMachineArn,
      String name,
      String status,
      Instant startDate,
      Instant stopDate,
      String mapRunArn,
      String stateMachineVersionArn,
      String stateMachineAliasArn,
      Integer redriveCount) {}

  record ListExecutionsResponse(List<ExecutionListItem> executions, String nextToken) {}

  record StopExecutionRequest(String executionArn, String error, String cause) {}

  record StopExecutionResponse(Instant stopDate) {}

  record RedriveExecutionRequest(String executionArn, String clientToken) {}

  record RedriveExecutionResponse(Instant redriveDate) {}
}
