package dev.stepwise.execution;

import dev.stepwise.execution.ExecutionRow.ExecutionStatus;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Published inside a transaction that changed an execution (a start, a step, a stop, an answer: any
 * {@link ExecutionChange} written); listeners act after it commits.
 *
 * @param eventTypes the types of the history events written, in order
 * @param finished the execution's end status, when this transaction ended it
 * @param duration how long the execution ran, when it ended
 */
public record ExecutionChanged(
    UUID executionId,
    String stateMachine,
    List<String> eventTypes,
    ExecutionStatus finished,
    Duration duration) {}
