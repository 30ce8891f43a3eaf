package dev.stepwise.lifecycle;

import dev.stepwise.admission.Admission;
import dev.stepwise.asl.Json;
import dev.stepwise.execution.ExecutionChange;
import dev.stepwise.execution.ExecutionIds;
import dev.stepwise.execution.ExecutionRow;
import dev.stepwise.execution.ExecutionRow.ExecutionStatus;
import dev.stepwise.execution.ExecutionStore;
import dev.stepwise.execution.LimitsProperties;
import dev.stepwise.execution.NewExecutions;
import dev.stepwise.execution.PayloadOverLimit;
import dev.stepwise.lifecycle.Executions.ExecutionView;
import dev.stepwise.statemachine.QualifiedName;
import dev.stepwise.statemachine.StartTargets;
import dev.stepwise.statemachine.StartTargets.StartTarget;
import dev.stepwise.tracing.ExecutionTrace;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Starts executions: one transaction inserts the execution, its root token and first event, and
 * runs the first step, so a run of pure states may finish before the start returns.
 */
@Service
public class ExecutionStarter {
  private final StartTargets targets;
  private final ExecutionStore executions;
  private final NewExecutions newExecutions;
  private final LimitsProperties limits;
  private final Admission admission;
  private final Clock clock;

  ExecutionStarter(
      StartTargets targets,
      ExecutionStore executions,
      NewExecutions newExecutions,
      LimitsProperties limits,
      Admission admission,
      Clock clock) {
    this.targets = targets;
    this.executions = executions;
    this.newExecutions = newExecutions;
    this.limits = limits;
    this.admission = admission;
    this.clock = clock;
  }

  /** A started (or, for a repeated name with the same input, existing) execution. */
  public record Started(ExecutionView execution, boolean created) {}

  /**
   * Starts an execution of a state machine's current revision. A name already used with the same
   * input returns that execution; with another input it is a conflict.
   *
   * @throws dev.stepwise.admission.ThrottledException when this node is overloaded (nothing was
   *     written)
   */
  public Started start(String stateMachine, String name, Object input) {
    return start(new QualifiedName(stateMachine, null), name, input);
  }

  /**
   * Starts an execution on {@code target}: a state machine's current revision (unqualified), one of
   * its versions ({@code name:3}) or one of its aliases ({@code name:prod}), which chooses a
   * version by weight. Execution names are unique per state machine, whatever the qualifier.
   *
   * @throws dev.stepwise.admission.ThrottledException when this node is overloaded (nothing was
   *     written)
   */
  public Started start(QualifiedName target, String name, Object input) {
    return start(target, name, input, null);
  }

  /**
   * As {@link #start(QualifiedName, String, Object)}, recording {@code startedBy} (the caller's
   * name) on the execution.
   */
  public Started start(QualifiedName target, String name, Object input, String startedBy) {
    String stateMachine = target.stateMachine();
    String inputText = Json.write(input);
    if (inputText.getBytes(StandardCharsets.UTF_8).length > limits.payloadBytes()) {
      throw new PayloadOverLimit(
          "The input is larger than the payload limit of " + limits.payloadBytes() + " bytes");
    }
    String executionName = name != null ? name : UUID.randomUUID().toString();
    // The execution keeps the trace of the request that starts it (see ExecutionTrace).
    ExecutionTrace trace = ExecutionTrace.ofCurrentRequest();
    Optional<ExecutionChange> started;
    // The permit covers the transaction, whose first step may run a whole chain of states.
    try (var permit = admission.admit()) {
      started =
          newExecutions.start(
              () -> newRow(target, executionName, inputText, startedBy, trace), input);
    }
    if (started.isPresent()) {
      return new Started(Executions.view(started.get().rowAsWritten()), true);
    }
    // The name is taken: the unique key refused the insert, and nothing was written.
    ExecutionRow existing = executions.findByName(stateMachine, executionName).orElseThrow();
    return existingWithSameInput(existing, input);
  }

  /**
   * The new execution's row, made inside its transaction: the revision (and an alias's choice of
   * version) is read there.
   */
  private ExecutionRow newRow(
      QualifiedName target, String name, String inputText, String startedBy, ExecutionTrace trace) {
    // A name already taken is found by the unique key: the insert fails and start() looks it up.
    StartTarget resolved = targets.resolve(target);
    return new ExecutionRow(
        ExecutionIds.next(),
        name,
        resolved.stateMachine(),
        resolved.revision(),
        ExecutionStatus.RUNNING,
        inputText,
        null,
        null,
        null,
        clock.instant(),
        null,
        0,
        0,
        1,
        null,
        null,
        null,
        null,
        resolved.version(),
        resolved.alias(),
        startedBy,
        null,
        trace.traceParent(),
        trace.traceState());
  }

  private static Started existingWithSameInput(ExecutionRow existing, Object input) {
    if (!Objects.equals(Json.parseStored(existing.input()), input)) {
      throw new ExecutionConflict(
          "An execution named '" + existing.name() + "' exists with a different input");
    }
    return new Started(Executions.view(existing), false);
  }
}
