package dev.stepwise.aws;

import dev.stepwise.aws.Configurations.EncryptionConfiguration;
import dev.stepwise.aws.Configurations.LoggingConfiguration;
import dev.stepwise.aws.Configurations.Tag;
import dev.stepwise.aws.Configurations.TracingConfiguration;
import java.time.Instant;
import java.util.List;

/** AWS's request and response shapes of the state machine operations. */
final class StateMachineShapes {
  private StateMachineShapes() {}

  record CreateStateMachineRequest(
      String name,
      String definition,
      String roleArn,
      String type,
      LoggingConfiguration loggingConfiguration,
      TracingConfiguration tracingConfiguration,
      EncryptionConfiguration encryptionConfiguration,
      List<Tag> tags,
      Boolean publish,
      String versionDescription) {}

  record CreateStateMachineResponse(
      String stateMachineArn, Instant creationDate, String stateMachineVersionArn) {}

  record StateMachineArnRequest(String stateMachineArn, String includedData) {}

  record DescribeStateMachineResponse(
      String stateMachineArn,
      String name,
      String status,
      String definition,
      String roleArn,
      String type,
      Instant creationDate,
      LoggingConfiguration loggingConfiguration,
      TracingConfiguration tracingConfiguration,
      String revisionId,
      String description,
      EncryptionConfiguration encryptionConfiguration) {}

  record UpdateStateMachineRequest(
      String stateMachineArn,
      String definition,
      String roleArn,
      LoggingConfiguration loggingConfiguration,
      TracingConfiguration tracingConfiguration,
      EncryptionConfiguration encryptionConfiguration,
      Boolean publish,
      String versionDescription) {}

  record UpdateStateMachineResponse(
      Instant updateDate, String revisionId, String stateMachineVersionArn) {}

  record ListRequest(Integer maxResults, String nextToken) {}

  record StateMachineListItem(
      String stateMachineArn, String name, String type, Instant creationDate) {}

  record ListStateMachinesResponse(List<StateMachineListItem> stateMachines, String nextToken) {}

  record ExecutionArnRequest(String executionArn, String includedData) {}

  record DescribeStateMachineForExecutionResponse(
      String stateMachineArn,
      String name,
      String definition,
      String roleArn,
      Instant updateDate,
      LoggingConfiguration loggingConfiguration,
      TracingConfiguration tracingConfiguration,
      String mapRunArn,
      String label,
      String revisionId,
      EncryptionConfiguration encryptionConfiguration) {}

  record ValidateRequest(String definition, String type, String severity, Integer maxResults) {}

  record Diagnostic(String severity, String code, String message, String location) {}

  record ValidateResponse(String result, List<Diagnostic> diagnostics, Boolean truncated) {}

  record Empty() {}
}
