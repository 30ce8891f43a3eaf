package dev.stepwise.aws;

import static dev.stepwise.aws.AliasShapes.*;

import dev.stepwise.statemachine.AliasView;
import dev.stepwise.statemachine.Route;
import dev.stepwise.statemachine.StateMachineAliases;
import dev.stepwise.statemachine.StateMachineNotFound;
import dev.stepwise.statemachine.StateMachineVersions;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * CreateStateMachineAlias, DescribeStateMachineAlias, UpdateStateMachineAlias,
 * DeleteStateMachineAlias and ListStateMachineAliases. An alias's ARN is its state machine's with
 * the alias name after a ':'; CreateStateMachineAlias names no state machine, its routing's version
 * ARNs do. What is not there is AWS's {@code ResourceNotFound} (AwsErrors).
 */
@Component
class AliasOperations implements OperationGroup {
  // AWS's pattern for alias names; Stepwise also refuses names of only digits and dots.
  private static final String NAME_PATTERN = "^(?=.*[a-zA-Z_\\-\\.])[a-zA-Z0-9_\\-\\.]+$";
  private static final Pattern NAME = Pattern.compile(NAME_PATTERN);

  private final StateMachineAliases aliases;
  private final StateMachineVersions versions;
  private final Arns arns;

  AliasOperations(StateMachineAliases aliases, StateMachineVersions versions, Arns arns) {
    this.aliases = aliases;
    this.versions = versions;
    this.arns = arns;
  }

  @Override
  public List<Operation<?>> operations() {
    return List.of(
        Operation.of("CreateStateMachineAlias", CreateStateMachineAliasRequest.class, this::create),
        Operation.of("DescribeStateMachineAlias", AliasArnRequest.class, this::describe),
        Operation.of("UpdateStateMachineAlias", UpdateStateMachineAliasRequest.class, this::update),
        Operation.of("DeleteStateMachineAlias", AliasArnRequest.class, this::delete),
        Operation.of("ListStateMachineAliases", ListStateMachineAliasesRequest.class, this::list));
  }

  /**
   * AWS's idempotency: the same name, description and routing again is the same alias; another
   * description or routing under that name is a {@code ConflictException}.
   */
  private CreateStateMachineAliasResponse create(CreateStateMachineAliasRequest request) {
    String name = Checks.required("name", request.name());
    Checks.length("name", name, 1, 80);
    if (!NAME.matcher(name).matches()) {
      throw AwsError.constraint(
          "name", name, "Member must satisfy regular expression pattern: " + NAME_PATTERN);
    }
    Checks.length("description", request.description(), 0, 256);
    var routing = RoutingConfigurations.read(arns, request.routingConfiguration());
    requireVersions(routing);
    AliasView alias =
        aliases
            .create(routing.stateMachine(), name, request.description(), routing.routes())
            .alias();
    return new CreateStateMachineAliasResponse(
        arns.alias(alias.stateMachine(), alias.name()), alias.createdAt());
  }

  private DescribeStateMachineAliasResponse describe(AliasArnRequest request) {
    var arn = aliasArn(request.stateMachineAliasArn());
    AliasView alias = aliases.get(arn.name(), arn.qualifier());
    return new DescribeStateMachineAliasResponse(
        arns.alias(alias.stateMachine(), alias.name()),
        alias.name(),
        alias.description(),
        RoutingConfigurations.items(arns, alias.stateMachine(), alias.routing()),
        alias.createdAt(),
        alias.updatedAt());
  }

  /** A new description, routing or both; what is left out stays as it is. */
  private UpdateStateMachineAliasResponse update(UpdateStateMachineAliasRequest request) {
    var arn = aliasArn(request.stateMachineAliasArn());
    if (request.description() == null && request.routingConfiguration() == null) {
      throw AwsError.validation(
          AwsError.MISSING_REQUIRED_PARAMETER,
          "Either the description or the routingConfiguration must be specified");
    }
    Checks.length("description", request.description(), 0, 256);
    List<Route> routes = null;
    if (request.routingConfiguration() != null) {
      var routing = RoutingConfigurations.read(arns, request.routingConfiguration());
      if (!routing.stateMachine().equals(arn.name())) {
        throw AwsError.validation(
            AwsError.INVALID_ROUTING_CONFIGURATION,
            "Routing configuration must contain versions of the alias's state machine, '"
                + arns.stateMachine(arn.name())
                + "'");
      }
      aliases.get(arn.name(), arn.qualifier()); // an unknown alias says so before its routing
      requireVersions(routing);
      routes = routing.routes();
    }
    AliasView updated = aliases.update(arn.name(), arn.qualifier(), request.description(), routes);
    return new UpdateStateMachineAliasResponse(updated.updatedAt());
  }

  /** An alias that is not there (or whose state machine is not) is no error, as on AWS. */
  private Empty delete(AliasArnRequest request) {
    var arn = aliasArn(request.stateMachineAliasArn());
    try {
      aliases.delete(arn.name(), arn.qualifier());
    } catch (StateMachineNotFound e) {
      // Already gone.
    }
    return new Empty();
  }

  /**
   * By name; a version ARN lists the aliases that route to that version (a page may then hold fewer
   * than {@code maxResults} and still have a next one, as AWS allows).
   */
  private ListStateMachineAliasesResponse list(ListStateMachineAliasesRequest request) {
    String given = Checks.required("stateMachineArn", request.stateMachineArn());
    var arn = arns.parseStateMachine(given);
    Integer version = null;
    if (arn.qualifier() != null) {
      version = Qualifiers.version(arn, given);
      versions.get(arn.name(), version);
    }
    int size = Checks.pageSize(request.maxResults(), 1000);
    var page = aliases.list(arn.name(), NextTokens.name(request.nextToken()), size + 1);
    String next = null;
    if (page.size() > size) {
      page = page.subList(0, size);
      next = NextTokens.after(page.getLast().name());
    }
    Integer routedTo = version;
    return new ListStateMachineAliasesResponse(
        page.stream()
            .filter(
                a ->
                    routedTo == null || a.routing().stream().anyMatch(r -> r.version() == routedTo))
            .map(
                a ->
                    new StateMachineAliasListItem(
                        arns.alias(a.stateMachine(), a.name()), a.createdAt()))
            .toList(),
        next);
  }

  private Arns.StateMachineArn aliasArn(String given) {
    Checks.required("stateMachineAliasArn", given);
    var arn = arns.parseStateMachine(given);
    Qualifiers.alias(arn, given);
    return arn;
  }

  /** Each routed version exists ({@code VersionNotFound}: AWS's ResourceNotFound here). */
  private void requireVersions(RoutingConfigurations.Routing routing) {
    for (Route route : routing.routes()) versions.get(routing.stateMachine(), route.version());
  }
}
