package dev.stepwise.aws;

import static dev.stepwise.aws.StateMachineShapes.*;

import dev.stepwise.lifecycle.ExecutionView;
import dev.stepwise.lifecycle.Executions;
import dev.stepwise.security.Caller;
import dev.stepwise.statemachine.StateMachineView;
import dev.stepwise.statemachine.StateMachines;
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
    Versions.refusePublish(request.publish());
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
            name, definition, attributes, Tags.checked(request.tags(), arns.stateMachine(name)));
    return new CreateStateMachineResponse(
        arns.stateMachine(name), created.stateMachine().createdAt());
  }

  private DescribeStateMachineResponse describe(StateMachineArnRequest request) {
    String name = unqualified(request.stateMachineArn());
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
        attributes.encryptionConfiguration());
  }

  private UpdateStateMachineResponse update(UpdateStateMachineRequest request) {
    String name = unqualified(request.stateMachineArn());
    Versions.refusePublish(request.publish());
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
    StateMachineView view =
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
                        : current.encryptionConfiguration()));
    return new UpdateStateMachineResponse(
        definition == null ? clock.instant() : view.updatedAt(), Integer.toString(view.revision()));
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

  /** A state machine's own ARN: versions and aliases are not served here. */
  private String unqualified(String stateMachineArn) {
    var arn = arns.parseStateMachine(Checks.required("stateMachineArn", stateMachineArn));
    Versions.refuseQualifier(arn);
    return arn.name();
  }
}
