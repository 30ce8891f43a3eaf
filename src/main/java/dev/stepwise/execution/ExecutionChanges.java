package dev.stepwise.execution;

import dev.stepwise.engine.StepContext;
import dev.stepwise.task.TaskProperties;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** Opens changes: the interpreter of the execution's revision, the time, limits, randomness. */
@Component
class ExecutionChanges {
  // Task tokens come from it and must not be guessable; otherwise it only jitters retries.
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Interpreters interpreters;
  private final Clock clock;
  private final StepContext.Limits limits;
  private final int historyLimit;

  ExecutionChanges(
      Interpreters interpreters, Clock clock, LimitsProperties limits, TaskProperties tasks) {
    this.interpreters = interpreters;
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
        interpreters.get(row.stateMachine(), row.revision()),
        clock.instant(),
        limits,
        historyLimit,
        RANDOM);
  }
}
