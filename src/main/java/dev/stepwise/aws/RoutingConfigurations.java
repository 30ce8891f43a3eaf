package dev.stepwise.aws;

import dev.stepwise.aws.AliasShapes.RoutingConfigurationListItem;
import dev.stepwise.statemachine.Route;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An alias's {@code routingConfiguration} checked as AWS checks it (one or two distinct version
 * ARNs of one state machine, whole weights from 0 to 100 that sum to 100) and read into the routes
 * of that state machine. Whether the versions exist is the caller's question.
 */
final class RoutingConfigurations {
  private static final String FIELD = "routingConfiguration";

  private RoutingConfigurations() {}

  /** The state machine the versions belong to, and the routes to them. */
  record Routing(String stateMachine, List<Route> routes) {}

  static Routing read(Arns arns, List<RoutingConfigurationListItem> items) {
    Checks.required(FIELD, items);
    if (items.isEmpty()) {
      throw AwsError.constraint(FIELD, "[]", "Member must have length greater than or equal to 1");
    }
    if (items.size() > 2) {
      throw AwsError.constraint(FIELD, items, "Member must have length less than or equal to 2");
    }
    for (int i = 0; i < items.size(); i++) checkItem(items.get(i), FIELD + "." + (i + 1));
    var parsed = new ArrayList<Arns.StateMachineArn>();
    for (var item : items) {
      var arn = arns.parseStateMachine(item.stateMachineVersionArn());
      if (!Qualifiers.namesVersion(arn)) {
        throw invalid(
            "Routing configuration must contain state machine version ARNs", arnsOf(items));
      }
      parsed.add(arn);
    }
    String stateMachine = parsed.getFirst().name();
    if (parsed.stream().anyMatch(arn -> !arn.name().equals(stateMachine))) {
      throw invalid(
          "Routing configuration must contain versions of one state machine", arnsOf(items));
    }
    var routes = new ArrayList<Route>();
    for (int i = 0; i < items.size(); i++) {
      String given = items.get(i).stateMachineVersionArn();
      routes.add(new Route(Qualifiers.version(parsed.get(i), given), items.get(i).weight()));
    }
    if (new HashSet<>(routes.stream().map(Route::version).toList()).size() != routes.size()) {
      throw invalid(
          "Routing configuration must contain distinct state machine version ARNs", arnsOf(items));
    }
    int sum = routes.stream().mapToInt(Route::weight).sum();
    if (sum != 100) {
      throw invalid(
          "Sum of routing configuration weights must equal 100",
          routes.stream().map(r -> Integer.toString(r.weight())).toList());
    }
    return new Routing(stateMachine, List.copyOf(routes));
  }

  /** The routes as AWS shows them. */
  static List<RoutingConfigurationListItem> items(
      Arns arns, String stateMachine, List<Route> routes) {
    return routes.stream()
        .map(
            r ->
                new RoutingConfigurationListItem(
                    arns.version(stateMachine, r.version()), r.weight()))
        .toList();
  }

  private static void checkItem(RoutingConfigurationListItem item, String field) {
    Checks.required(field + ".member", item);
    Checks.required(field + ".member.stateMachineVersionArn", item.stateMachineVersionArn());
    Integer weight = Checks.required(field + ".member.weight", item.weight());
    if (weight < 0) {
      throw AwsError.constraint(
          field + ".member.weight", weight, "Member must have value greater than or equal to 0");
    }
    if (weight > 100) {
      throw AwsError.constraint(
          field + ".member.weight", weight, "Member must have value less than or equal to 100");
    }
  }

  private static List<String> arnsOf(List<RoutingConfigurationListItem> items) {
    return items.stream().map(RoutingConfigurationListItem::stateMachineVersionArn).toList();
  }

  private static AwsError invalid(String problem, List<String> received) {
    return AwsError.validation(
        AwsError.INVALID_ROUTING_CONFIGURATION,
        problem + ". Received: [" + received.stream().collect(Collectors.joining(", ")) + "]");
  }
}
