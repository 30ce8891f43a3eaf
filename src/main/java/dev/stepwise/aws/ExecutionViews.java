package dev.stepwise.aws;

import dev.stepwise.asl.Json;
import dev.stepwise.aws.ExecutionShapes.DescribeExecutionResponse;
import dev.stepwise.aws.ExecutionShapes.ExecutionListItem;
import dev.stepwise.aws.ExecutionShapes.Included;
import dev.stepwise.execution.ExecutionRow.ExecutionStatus;
import dev.stepwise.lifecycle.Executions;
import dev.stepwise.lifecycle.Executions.ExecutionView;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Executions in AWS's shapes: ARNs, JSON as strings, redrive status. */
@Component
class ExecutionViews {
  private final Executions executions;
  private final MapRunLinks mapRuns;
  private final Arns arns;

  ExecutionViews(Executions executions, MapRunLinks mapRuns, Arns arns) {
    this.executions = executions;
    this.mapRuns = mapRuns;
    this.arns = arns;
  }

  /** The execution an ARN names (its name is unique among its state machine's executions). */
  ExecutionView find(String executionArn) {
    var arn = arns.parseExecution(Checks.required("executionArn", executionArn));
    return executions.describe(arn.stateMachine(), arn.name());
  }

  Arns arns() {
    return arns;
  }

  String arn(ExecutionView view) {
    return arns.execution(view.stateMachine(), view.name());
  }

  DescribeExecutionResponse describe(ExecutionView view, boolean data) {
    return new DescribeExecutionResponse(
        arn(view),
        arns.stateMachine(view.stateMachine()),
        view.name(),
        view.status().name(),
        view.startedAt(),
        view.stoppedAt(),
        data ? Json.write(view.input()) : null,
        new Included(data),
        data && hasOutput(view) ? Json.write(view.output()) : null,
        hasOutput(view) ? new Included(data) : null,
        mapRuns.of(view).map(MapRunLinks.Link::mapRunArn).orElse(null),
        view.error(),
        view.cause(),
        versionArn(view),
        aliasArn(view),
        view.redriveCount(),
        redriveDate(view),
        redrivable(view) ? "REDRIVABLE" : "NOT_REDRIVABLE",
        redrivable(view) ? null : notRedrivable(view));
  }

  ExecutionListItem item(ExecutionView view, String mapRunArn) {
    return new ExecutionListItem(
        arn(view),
        arns.stateMachine(view.stateMachine()),
        view.name(),
        view.status().name(),
        view.startedAt(),
        view.stoppedAt(),
        mapRunArn,
        versionArn(view),
        aliasArn(view),
        view.redriveCount());
  }

  /**
   * When the execution was last redriven: its newest {@code ExecutionRedriven} event, looked for
   * among its last 1000 events (an execution redriven long before that reports none).
   */
  Instant redriveDate(ExecutionView view) {
    if (view.redriveCount() == 0) return null;
    return executions.history(view.executionId(), null, 1000, true).items().stream()
        .filter(e -> e.type().equals("ExecutionRedriven"))
        .map(e -> e.timestamp())
        .findFirst()
        .orElse(null);
  }

  /** The version the execution runs, when it was started on a version or an alias. */
  private String versionArn(ExecutionView view) {
    return view.version() == null ? null : arns.version(view.stateMachine(), view.version());
  }

  private String aliasArn(ExecutionView view) {
    return view.alias() == null ? null : arns.alias(view.stateMachine(), view.alias());
  }

  /** A succeeded execution has an output, even a null one; the others have none. */
  private static boolean hasOutput(ExecutionView view) {
    return view.status() == ExecutionStatus.SUCCEEDED;
  }

  static boolean redrivable(ExecutionView view) {
    return view.parentExecutionId() == null
        && view.status() != ExecutionStatus.RUNNING
        && view.status() != ExecutionStatus.SUCCEEDED;
  }

  private static String notRedrivable(ExecutionView view) {
    if (view.parentExecutionId() != null) {
      return "A child execution of a map run runs again when its parent execution is redriven";
    }
    return "Execution is " + view.status() + " and cannot be redriven";
  }
}
