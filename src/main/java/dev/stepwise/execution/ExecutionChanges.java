package dev.stepwise.execution;

import dev.stepwise.engine.Interpreter;
import dev.stepwise.engine.StepContext;
import dev.stepwise.statemachine.StateMachines;
import dev.stepwise.task.TaskProperties;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Opens changes: the interpreter of the execution's revision, the time, limits, randomness. */
@Component
class ExecutionChanges {
  // Task tokens come from it and must not be guessable; otherwise it only jitters retries.
  private static final SecureRandom RANDOM = new SecureRandom();

  private final StateMachines stateMachines;
  // One interpreter per state machine revision, built once: revisions never change.
  private final Map<String, Interpreter> interpreters = new ConcurrentHashMap<>();
  private final Clock clock;
  private final StepContext.Limits limits;
  private final int historyLimit;

  ExecutionChanges(
      StateMachines stateMachines, Clock clock, LimitsProperties limits, TaskProperties tasks) {
    this.stateMachines = stateMachines;
    this.clock = clock;
    this.limits =
        new StepContext.Limits(
            limits.payloadBytes(),
            tasks.defaultTimeout(),
            limits.statesPerStep(),
            limits.evaluationTimeout());
    this.historyLimit = limits.historyEvents();
  }

  /** A change on an execution row this transaction holds (locked, or just inserted). */
  ExecutionChange open(ExecutionRow row) {
    return new ExecutionChange(
        row,
        interpreter(row.stateMachine(), row.revision()),
        clock.instant(),
        limits,
        historyLimit,
        RANDOM);
  }

  private Interpreter interpreter(String stateMachine, int revision) {
    return interpreters.computeIfAbsent(
        stateMachine + "\u0000" + revision,
        k -> new Interpreter(stateMachines.parsed(stateMachine, revision)));
  }
}
