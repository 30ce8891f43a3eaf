package dev.stepwise.children;

import dev.stepwise.asl.Json;
import dev.stepwise.engine.TaskOutcome;
import dev.stepwise.engine.TaskRequest;
import dev.stepwise.engine.TaskResources;
import dev.stepwise.execution.ExecutionChange;
import dev.stepwise.execution.ExecutionIds;
import dev.stepwise.execution.ExecutionRow;
import dev.stepwise.execution.ExecutionRow.ExecutionStatus;
import dev.stepwise.execution.ExecutionStore;
import dev.stepwise.execution.TokenRow;
import dev.stepwise.failure.NotFound;
import dev.stepwise.statemachine.QualifiedName;
import dev.stepwise.statemachine.StartTargets;
import dev.stepwise.statemachine.StartTargets.StartTarget;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Decides, in the parent's transaction, what a {@code states:startExecution} Task's parameters come
 * to: the row of a new child execution (the state machine's current revision, or the version or
 * alias its ARN names), an execution already running under the given name, or a refusal with AWS's
 * error.
 */
@Component
class ChildRows {
  private final StartTargets targets;
  private final ExecutionStore executions;
  private final ExecutionArns arns;

  ChildRows(StartTargets targets, ExecutionStore executions, ExecutionArns arns) {
    this.targets = targets;
    this.executions = executions;
    this.arns = arns;
  }

  /** What a start comes to. */
  sealed interface Start {
    /** A new child execution, to be inserted. */
    record Fresh(ExecutionRow row, Object input) implements Start {}

    /**
     * The execution running under the name the Task gave, with the same input: as AWS, starting it
     * again answers with it (only for a Task that does not wait for its end).
     */
    record Running(ExecutionRow existing) implements Start {}

    record Refused(TaskOutcome.Failed failure) implements Start {}
  }

  /**
   * What the Task of {@code token} asks to start. Without a {@code Name}, the child is named after
   * the parent, the Task's entry and attempt, so one entry and attempt can only ever start one.
   */
  Start plan(ExecutionChange parent, TokenRow token, TaskRequest request) {
    StartParameters parameters;
    try {
      parameters = StartParameters.from(request.payload());
    } catch (StartParameters.Refused e) {
      return new Start.Refused(e.failure());
    }
    String arn = parameters.stateMachineArn();
    StartTarget target;
    try {
      QualifiedName name = arns.parse(arn).orElse(null);
      if (name == null) return new Start.Refused(StepFunctionsErrors.stateMachineDoesNotExist(arn));
      target = targets.resolve(name);
    } catch (IllegalArgumentException e) {
      return new Start.Refused(StepFunctionsErrors.invalidArn(e.getMessage()));
    } catch (NotFound e) {
      return new Start.Refused(StepFunctionsErrors.stateMachineDoesNotExist(arn));
    }
    boolean waits = TaskResources.waitsForChildExecution(request.resource());
    String name =
        parameters.name() != null
            ? parameters.name()
            : parent.executionId()
                + "-"
                + token.position().enteredEventId()
                + "-"
                + request.attempt();
    var existing = executions.findByName(target.stateMachine(), name);
    if (existing.isPresent()) {
      ExecutionRow running = existing.get();
      boolean same =
          running.status() == ExecutionStatus.RUNNING
              && Objects.equals(Json.parseStored(running.input()), parameters.input());
      if (same && !waits) return new Start.Running(running);
      return new Start.Refused(
          StepFunctionsErrors.executionAlreadyExists(arns.execution(target.stateMachine(), name)));
    }
    var row =
        new ExecutionRow(
            ExecutionIds.next(),
            name,
            target.stateMachine(),
            target.revision(),
            ExecutionStatus.RUNNING,
            Json.write(parameters.input()),
            null,
            null,
            null,
            parent.now(),
            null,
            0,
            0,
            0,
            parent.executionId(),
            waits ? token.id() : null,
            waits ? token.version() : null,
            null,
            target.version(),
            target.alias(),
            null,
            null,
            // A started execution carries on the trace of the one that started it.
            parent.execution().traceParent(),
            parent.execution().traceState());
    return new Start.Fresh(row, parameters.input());
  }
}
