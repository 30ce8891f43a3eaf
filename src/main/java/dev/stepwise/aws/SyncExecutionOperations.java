package dev.stepwise.aws;

import static dev.stepwise.aws.ExecutionShapes.*;

import dev.stepwise.asl.Json;
import dev.stepwise.execution.ExecutionRow.ExecutionStatus;
import dev.stepwise.lifecycle.ExecutionConflict;
import dev.stepwise.lifecycle.ExecutionControl;
import dev.stepwise.lifecycle.ExecutionStarter;
import dev.stepwise.lifecycle.Executions;
import dev.stepwise.lifecycle.Executions.ExecutionView;
import dev.stepwise.security.Caller;
import dev.stepwise.statemachine.QualifiedName;
import dev.stepwise.task.AwsProperties;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * StartSyncExecution, for EXPRESS state machines: starts the execution on the same durable engine
 * as any other and answers when it ends. One that outlasts {@code
 * stepwise.aws.sync-execution-timeout} (AWS's 5 minutes) is stopped and answered as TIMED_OUT, as
 * AWS ends an express execution then.
 */
@Component
class SyncExecutionOperations implements OperationGroup {
  private static final String TIMEOUT = "States.Timeout";

  private final ExecutionStarter starter;
  private final Executions executions;
  private final ExecutionControl control;
  private final WireStateMachines stateMachines;
  private final ExecutionViews views;
  private final AwsProperties properties;

  SyncExecutionOperations(
      ExecutionStarter starter,
      Executions executions,
      ExecutionControl control,
      WireStateMachines stateMachines,
      ExecutionViews views,
      AwsProperties properties) {
    this.starter = starter;
    this.executions = executions;
    this.control = control;
    this.stateMachines = stateMachines;
    this.views = views;
    this.properties = properties;
  }

  @Override
  public List<Operation<?>> operations() {
    return List.of(
        Operation.of("StartSyncExecution", StartSyncExecutionRequest.class, this::startSync));
  }

  private StartSyncExecutionResponse startSync(StartSyncExecutionRequest request) {
    var arn =
        views
            .arns()
            .parseStateMachine(Checks.required("stateMachineArn", request.stateMachineArn()));
    String name = ExecutionInputs.executionName(request.name());
    Object input = ExecutionInputs.input(request.input());
    boolean data = ExecutionInputs.includesData(request.includedData());
    Checks.length("traceHeader", request.traceHeader(), 0, 256);
    if (!stateMachines.liveAttributes(arn.name()).express()) {
      throw new AwsError(
          "StateMachineTypeNotSupported",
          "StartSyncExecution runs EXPRESS state machines only; '" + arn.name() + "' is STANDARD");
    }
    ExecutionView view =
        starter
            .start(
                new QualifiedName(arn.name(), arn.qualifier()),
                name,
                input,
                Caller.current().name())
            .execution();
    boolean timedOut = false;
    if (view.status() == ExecutionStatus.RUNNING) {
      ExecutionView ended = executions.await(view.executionId(), properties.syncExecutionTimeout());
      timedOut = ended.status() == ExecutionStatus.RUNNING;
      view = timedOut ? stop(ended) : ended;
    }
    String status =
        timedOut
            ? "TIMED_OUT"
            : switch (view.status()) {
              case SUCCEEDED, TIMED_OUT -> view.status().name();
              default -> "FAILED";
            };
    return new StartSyncExecutionResponse(
        views.arn(view),
        views.arns().stateMachine(view.stateMachine()),
        view.name(),
        view.startedAt(),
        view.stoppedAt(),
        status,
        view.error(),
        view.cause(),
        data ? Json.write(view.input()) : null,
        new Included(data),
        data && view.status() == ExecutionStatus.SUCCEEDED ? Json.write(view.output()) : null,
        view.status() == ExecutionStatus.SUCCEEDED ? new Included(data) : null,
        request.traceHeader());
  }

  /** Stops an execution that outlasted the limit; one that ended meanwhile stays as it ended. */
  private ExecutionView stop(ExecutionView view) {
    try {
      return control.stop(
          view.executionId(),
          TIMEOUT,
          "The execution ran longer than the "
              + properties.syncExecutionTimeout().toSeconds()
              + " s a synchronous execution may");
    } catch (ExecutionConflict e) {
      return executions.describe(view.executionId());
    }
  }
}
