package dev.stepwise.aws;

import java.time.Instant;
import java.util.List;

/** AWS's request and response shapes of the alias operations. */
final class AliasShapes {
  private AliasShapes() {}

  record RoutingConfigurationListItem(String stateMachineVersionArn, Integer weight) {}

  record CreateStateMachineAliasRequest(
      String description, String name, List<RoutingConfigurationListItem> routingConfiguration) {}

  record CreateStateMachineAliasResponse(String stateMachineAliasArn, Instant creationDate) {}

  record AliasArnRequest(String stateMachineAliasArn) {}

  record DescribeStateMachineAliasResponse(
      String stateMachineAliasArn,
      String name,
      String description,
      List<RoutingConfigurationListItem> routingConfiguration,
      Instant creationDate,
      Instant updateDate) {}

  record UpdateStateMachineAliasRequest(
      String stateMachineAliasArn,
      String description,
      List<RoutingConfigurationListItem> routingConfiguration) {}

  record UpdateStateMachineAliasResponse(Instant updateDate) {}

  record ListStateMachineAliasesRequest(
      String stateMachineArn, String nextToken, Integer maxResults) {}

  record StateMachineAliasListItem(String stateMachineAliasArn, Instant creationDate) {}

  record ListStateMachineAliasesResponse(
      List<StateMachineAliasListItem> stateMachineAliases, String nextToken) {}

  record Empty() {}
}
