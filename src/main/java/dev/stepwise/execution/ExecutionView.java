package dev.stepwise.execution;

import java.time.Instant;

/** An execution as the API shows it; {@code input} and {@code output} are JSON values. */
public record ExecutionView(
    String executionId,
    String name,
    String stateMachine,
    int revision,
    ExecutionStatus status,
    Object input,
    Object output,
    String error,
    String cause,
    Instant startedAt,
    Instant stoppedAt,
    int redriveCount) {}
