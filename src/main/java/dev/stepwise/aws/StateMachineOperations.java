package dev.stepwise.aws;

import static dev.stepwise.aws.StateMachineShapes.*;

import dev.stepwise.lifecycle.Executions;
import dev.stepwise.lifecycle.Executions.ExecutionView;
import dev.stepwise.security.Caller;
import dev.stepwise.statemachine.StateMachineView;
import dev.stepwise.statemachine.StateMachines;
import dev.stepwise.statemachine.VersionView;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** CreateStateMachine, DescribeStateMachine, UpdateStateMachine, DeleteStateMachine, … */
@Component
class StateMachineOperations implements OperationGroup {
  private static final Set<String> TYPES =
      Set.of(StateMachineAttributes.STANDARD, StateMachineAttributes.EXPRESS);

  private final WireStateMachines wire;
  private final StateMachines stateMachines;
  private final Executions executions;
  private final MapRunLinks mapRuns;
  private final Arns arns;
  private final Clock clock;

  StateMachineOperations(
      WireStateMachines wire,
      StateMachines stateMachines,
      Executions executions,
      MapRunLinks mapRuns,
      Arns arns,
      Clock clock) {
    this.wire = wire;
    this.stateMachines = stateMachines;
    this.executions = executions;
    this.mapRuns = mapRuns;
    this.arns = arns;
    this.clock = clock;
  }

  @Override
  public List<Operation<?>> operations() {
    return List.of(
        Operation.of("CreateStateMachine", CreateStateMachineRequest.class, this::create),
        Operation.of("DescribeStateMachine", StateMachineArnRequest.class, this::describe),
        Operation.of("UpdateStateMachine", UpdateStateMachineRequest.class, this::update),
        Operation.of("DeleteStateMachine", StateMachineArnRequest.class, this::delete),
        Operation.of("ListStateMachines", ListRequest.class, this::list),
        Operation.of(
            "DescribeStateMachineForExecution", ExecutionArnRequest.class, this::forExecution));
  }

  private CreateStateMachineResponse create(CreateStateMachineRequest request) {
    String name = Checks.name("name", request.name());
    JsonNode definition = Definitions.parse(request.definition());
    Checks.required("roleArn", request.roleArn());
    Checks.length("roleArn", request.roleArn(), 1, 256);
    Checks.oneOf("type", request.type(), TYPES);
    var publish = publish(request.publish(), request.versionDescription());
    if (request.loggingConfiguration() != null) request.loggingConfiguration().check();
    if (request.encryptionConfiguration() != null) request.encryptionConfiguration().check();
    var attributes =
        new StateMachineAttributes(
            request.type(),
            request.roleArn(),
            request.loggingConfiguration(),
            request.tracingConfiguration(),
            request.encryptionConfiguration());
    var created =
        wire.create(
            name,
            definition,
            attributes,
            Tags.checked(request.tags(), arns.stateMachine(name)),
            publish);
    return new CreateStateMachineResponse(
        arns.stateMachine(name), created.stateMachine().createdAt(), versionArn(created.version()));
  }

  /** A state machine, or one of its versions (AWS answers a version ARN with that version). */
  private DescribeStateMachineResponse describe(StateMachineArnRequest request) {
    String given = Checks.required("stateMachineArn", request.stateMachineArn());
    var arn = arns.parseStateMachine(given);
    if (arn.qualifier() != null && Qualifiers.namesVersion(arn)) {
      return describeVersion(wire.version(arn.name(), Qualifiers.version(arn, given)));
    }
    String name = Qualifiers.unqualified(arn, given);
    StateMachineView view = stateMachines.get(name);
    var attributes = wire.attributes(name);
    return new DescribeStateMachineResponse(
        arns.stateMachine(name),
        name,
        "ACTIVE",
        view.definition(),
        attributes.roleArn(),
        attributes.type(),
        view.createdAt(),
        attributes.loggingConfiguration(),
        attributes.tracingConfiguration(),
        Integer.toString(view.revision()),
        null,
        attributes.encryptionConfiguration());
  }

  /**
   * A version: its own definition, creation date, description and the revision it was published
   * from; role and configurations are the state machine's (Stepwise keeps them per state machine).
   */
  private DescribeStateMachineResponse describeVersion(VersionView version) {
    var attributes = wire.attributes(version.stateMachine());
    return new DescribeStateMachineResponse(
        arns.version(version.stateMachine(), version.version()),
        version.stateMachine(),
        "ACTIVE",
        version.definition(),
        attributes.roleArn(),
        attributes.type(),
        version.createdAt(),
        attributes.loggingConfiguration(),
        attributes.tracingConfiguration(),
        Integer.toString(version.revision()),
        version.description(),
        attributes.encryptionConfiguration());
  }

  private UpdateStateMachineResponse update(UpdateStateMachineRequest request) {
    String name = unqualified(request.stateMachineArn());
    var publish = publish(request.publish(), request.versionDescription());
    if (request.definition() == null
        && request.roleArn() == null
        && request.loggingConfiguration() == null
        && request.tracingConfiguration() == null
        && request.encryptionConfiguration() == null) {
      throw new AwsError(
          "MissingRequiredParameter",
          "Either the definition, the roleArn, the loggingConfiguration, the tracingConfiguration"
              + " or the encryptionConfiguration must be specified");
    }
    JsonNode definition =
        request.definition() == null ? null : Definitions.parse(request.definition());
    Checks.length("roleArn", request.roleArn(), 1, 256);
    if (request.loggingConfiguration() != null) request.loggingConfiguration().check();
    if (request.encryptionConfiguration() != null) request.encryptionConfiguration().check();
    var updated =
        wire.update(
            name,
            definition,
            current ->
                new StateMachineAttributes(
                    current.type(),
                    request.roleArn() != null ? request.roleArn() : current.roleArn(),
                    request.loggingConfiguration() != null
                        ? request.loggingConfiguration()
                        : current.loggingConfiguration(),
                    request.tracingConfiguration() != null
                        ? request.tracingConfiguration()
                        : current.tracingConfiguration(),
                    request.encryptionConfiguration() != null
                        ? request.encryptionConfiguration()
                        : current.encryptionConfiguration()),
            publish);
    StateMachineView view = updated.stateMachine();
    return new UpdateStateMachineResponse(
        definition == null ? clock.instant() : view.updatedAt(),
        Integer.toString(view.revision()),
        versionArn(updated.version()));
  }

  private Empty delete(StateMachineArnRequest request) {
    wire.delete(unqualified(request.stateMachineArn()));
    return new Empty();
  }

  private ListStateMachinesResponse list(ListRequest request) {
    int size = Checks.pageSize(request.maxResults(), 1000);
    // A caller confined to a prefix lists its own state machines only.
    var page =
        stateMachines.list(
            NextTokens.name(request.nextToken()), size + 1, Caller.current().prefix());
    String next = null;
    if (page.size() > size) {
      page = page.subList(0, size);
      next = NextTokens.after(page.getLast().name());
    }
    var attributes = wire.attributes(page.stream().map(StateMachineView::name).toList());
    var items =
        page.stream()
            .map(
                v ->
                    new StateMachineListItem(
                        arns.stateMachine(v.name()),
                        v.name(),
                        attributes.get(v.name()).type(),
                        v.createdAt()))
            .toList();
    return new ListStateMachinesResponse(items, next);
  }

  private DescribeStateMachineForExecutionResponse forExecution(ExecutionArnRequest request) {
    var arn = arns.parseExecution(Checks.required("executionArn", request.executionArn()));
    ExecutionView execution = executions.describe(arn.stateMachine(), arn.name());
    StateMachineView revision =
        stateMachines.revision(execution.stateMachine(), execution.revision());
    var attributes = wire.attributes(execution.stateMachine());
    var link = mapRuns.of(execution);
    return new DescribeStateMachineForExecutionResponse(
        arns.stateMachine(execution.stateMachine()),
        execution.stateMachine(),
        revision.definition(),
        attributes.roleArn(),
        revision.updatedAt(),
        attributes.loggingConfiguration(),
        attributes.tracingConfiguration(),
        link.map(MapRunLinks.Link::mapRunArn).orElse(null),
        link.map(MapRunLinks.Link::label).orElse(null),
        Integer.toString(execution.revision()),
        attributes.encryptionConfiguration());
  }

  /** A state machine's own ARN: updating or deleting a version or an alias is not done here. */
  private String unqualified(String stateMachineArn) {
    Checks.required("stateMachineArn", stateMachineArn);
    return Qualifiers.unqualified(arns.parseStateMachine(stateMachineArn), stateMachineArn);
  }

  /** AWS's publish and versionDescription; a description without publishing is refused. */
  private static WireStateMachines.Publish publish(Boolean publish, String versionDescription) {
    Checks.length("versionDescription", versionDescription, 0, 256);
    if (!Boolean.TRUE.equals(publish)) {
      if (versionDescription != null) {
        throw AwsError.validation("Version description can only be set when publish is true");
      }
      return WireStateMachines.Publish.NONE;
    }
    return new WireStateMachines.Publish(true, versionDescription);
  }

  private String versionArn(VersionView version) {
    return version == null ? null : arns.version(version.stateMachine(), version.version());
  }
}
