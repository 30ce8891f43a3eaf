package dev.stepwise.aws;

import static dev.stepwise.aws.ExecutionShapes.*;

import dev.stepwise.execution.ExecutionRow.ExecutionStatus;
import dev.stepwise.lifecycle.ExecutionConflict;
import dev.stepwise.lifecycle.ExecutionControl;
import dev.stepwise.lifecycle.ExecutionStarter;
import dev.stepwise.lifecycle.Executions.ExecutionView;
import dev.stepwise.security.Caller;
import dev.stepwise.statemachine.QualifiedName;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/** StartExecution, DescribeExecution, StopExecution and RedriveExecution. */
@Component
class ExecutionOperations implements OperationGroup {
  private final ExecutionStarter starter;
  private final ExecutionControl control;
  private final ExecutionViews views;
  private final Arns arns;
  private final Clock clock;

  ExecutionOperations(
      ExecutionStarter starter,
      ExecutionControl control,
      ExecutionViews views,
      Arns arns,
      Clock clock) {
    this.starter = starter;
    this.control = control;
    this.views = views;
    this.arns = arns;
    this.clock = clock;
  }

  @Override
  public List<Operation<?>> operations() {
    return List.of(
        Operation.of("StartExecution", StartExecutionRequest.class, this::start),
        Operation.of("DescribeExecution", ExecutionArnRequest.class, this::describe),
        Operation.of("StopExecution", StopExecutionRequest.class, this::stop),
        Operation.of("RedriveExecution", RedriveExecutionRequest.class, this::redrive));
  }

  /**
   * AWS's idempotency: the same name and input as a running execution is that execution; as one
   * that ended, or with another input, it is {@code ExecutionAlreadyExists}.
   */
  private StartExecutionResponse start(StartExecutionRequest request) {
    var arn = arns.parseStateMachine(Checks.required("stateMachineArn", request.stateMachineArn()));
    String name = ExecutionInputs.executionName(request.name());
    Object input = ExecutionInputs.input(request.input());
    Checks.length("traceHeader", request.traceHeader(), 0, 256);
    // A version or alias ARN starts on it.
    var started =
        starter.start(
            new QualifiedName(arn.name(), arn.qualifier()), name, input, Caller.current().name());
    ExecutionView view = started.execution();
    if (!started.created() && view.status() != ExecutionStatus.RUNNING) {
      throw new AwsError(
          "ExecutionAlreadyExists", "Execution Already Exists: '" + views.arn(view) + "'");
    }
    return new StartExecutionResponse(views.arn(view), view.startedAt());
  }

  private DescribeExecutionResponse describe(ExecutionArnRequest request) {
    boolean data = ExecutionInputs.includesData(request.includedData());
    return views.describe(views.find(request.executionArn()), data);
  }

  /** Stops a running execution; one that already ended is left as it is, as AWS does. */
  private StopExecutionResponse stop(StopExecutionRequest request) {
    ExecutionInputs.errorAndCause(request.error(), request.cause());
    ExecutionView view = views.find(request.executionArn());
    if (view.status() == ExecutionStatus.RUNNING) {
      try {
        view =
            control.stop(
                view.executionId(), request.error(), request.cause(), Caller.current().name());
      } catch (ExecutionConflict e) {
        // It ended while this stop waited for it.
        view = views.find(request.executionArn());
      }
    }
    return new StopExecutionResponse(view.stoppedAt());
  }

  private RedriveExecutionResponse redrive(RedriveExecutionRequest request) {
    Checks.length("clientToken", request.clientToken(), 1, 64);
    ExecutionView view = views.find(request.executionArn());
    if (view.parentExecutionId() != null) {
      throw new AwsError(
          "ExecutionNotRedrivable",
          "Execution Not Redrivable: a child execution of a map run is redriven with its parent");
    }
    control.redrive(view.executionId());
    ExecutionView after = views.find(request.executionArn());
    var date = views.redriveDate(after);
    return new RedriveExecutionResponse(date != null ? date : clock.instant());
  }
}
