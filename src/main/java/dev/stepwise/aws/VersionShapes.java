package dev.stepwise.aws;

import java.time.Instant;
import java.util.List;

/** AWS's request and response shapes of the version operations. */
final class VersionShapes {
  private VersionShapes() {}

  record PublishStateMachineVersionRequest(
      String stateMachineArn, String revisionId, String description) {}

  record PublishStateMachineVersionResponse(Instant creationDate, String stateMachineVersionArn) {}

  record ListStateMachineVersionsRequest(
      String stateMachineArn, String nextToken, Integer maxResults) {}

  record StateMachineVersionListItem(String stateMachineVersionArn, Instant creationDate) {}

  record ListStateMachineVersionsResponse(
      List<StateMachineVersionListItem> stateMachineVersions, String nextToken) {}

  record DeleteStateMachineVersionRequest(String stateMachineVersionArn) {}

  record Empty() {}
}
