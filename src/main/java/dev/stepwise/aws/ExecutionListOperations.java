package dev.stepwise.aws;

import static dev.stepwise.aws.ExecutionShapes.*;

import dev.stepwise.children.MapRunCounts;
import dev.stepwise.execution.ExecutionRow.ExecutionStatus;
import dev.stepwise.lifecycle.Executions;
import dev.stepwise.lifecycle.Executions.ExecutionView;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * ListExecutions: of a state machine (or one of its versions or aliases), or of a map run (its
 * child executions), newest first. A redrive filter, and a map run when its parent ran several, are
 * applied to each page of the core's list, so a page may hold fewer than {@code maxResults}
 * executions and still have a next one (AWS allows that).
 */
@Component
class ExecutionListOperations implements OperationGroup {
  private static final Set<String> STATUSES =
      Set.of("RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED", "PENDING_REDRIVE");

  private final Executions executions;
  private final QualifiedStateMachines stateMachines;
  private final MapRunCounts mapRunCounts;
  private final ExecutionViews views;
  private final Arns arns;

  ExecutionListOperations(
      Executions executions,
      QualifiedStateMachines stateMachines,
      MapRunCounts mapRunCounts,
      ExecutionViews views,
      Arns arns) {
    this.executions = executions;
    this.stateMachines = stateMachines;
    this.mapRunCounts = mapRunCounts;
    this.views = views;
    this.arns = arns;
  }

  @Override
  public List<Operation<?>> operations() {
    return List.of(Operation.of("ListExecutions", ListExecutionsRequest.class, this::list));
  }

  private ListExecutionsResponse list(ListExecutionsRequest request) {
    Checks.oneOf("statusFilter", request.statusFilter(), STATUSES);
    Checks.oneOf("redriveFilter", request.redriveFilter(), Set.of("REDRIVEN", "NOT_REDRIVEN"));
    int size = Checks.pageSize(request.maxResults(), 1000);
    if ((request.stateMachineArn() == null) == (request.mapRunArn() == null)) {
      throw AwsError.validation("Exactly one of stateMachineArn and mapRunArn must be given");
    }
    // No execution waits for a redrive here: a redrive starts it at once.
    if ("PENDING_REDRIVE".equals(request.statusFilter())) {
      return new ListExecutionsResponse(List.of(), null);
    }
    ExecutionStatus status =
        request.statusFilter() == null ? null : ExecutionStatus.valueOf(request.statusFilter());
    Predicate<ExecutionView> redriven = redriveFilter(request.redriveFilter());
    if (request.stateMachineArn() != null) {
      var arn = arns.parseStateMachine(request.stateMachineArn());
      // A version or an alias lists the executions started on it (as AWS does).
      stateMachines.requireExists(arn, request.stateMachineArn());
      var page =
          executions.list(arn.qualified().toString(), status, null, request.nextToken(), size);
      return new ListExecutionsResponse(
          page.items().stream().filter(redriven).map(v -> views.item(v, null)).toList(),
          page.nextPageToken());
    }
    String mapRunArn = request.mapRunArn();
    var run = arns.parseMapRun(mapRunArn);
    ExecutionView parent = mapRunParent(run, mapRunArn);
    var page = executions.list(null, status, parent.executionId(), request.nextToken(), size);
    return new ListExecutionsResponse(
        page.items().stream()
            .filter(child -> MapRunLinks.inRun(child, parent.name(), run.run()))
            .filter(redriven)
            .map(v -> views.item(v, mapRunArn))
            .toList(),
        page.nextPageToken());
  }

  private ExecutionView mapRunParent(Arns.MapRunArn run, String mapRunArn) {
    ExecutionView parent;
    try {
      parent = executions.describe(run.stateMachine(), run.execution());
    } catch (dev.stepwise.lifecycle.ExecutionNotFound e) {
      throw MapRunOperations.notFound(mapRunArn);
    }
    boolean exists =
        mapRunCounts.runs(java.util.UUID.fromString(parent.executionId())).stream()
            .anyMatch(r -> r.run() == run.run());
    if (!exists) throw MapRunOperations.notFound(mapRunArn);
    return parent;
  }

  private static Predicate<ExecutionView> redriveFilter(String filter) {
    if (filter == null) return v -> true;
    return filter.equals("REDRIVEN") ? v -> v.redriveCount() > 0 : v -> v.redriveCount() == 0;
  }
}
