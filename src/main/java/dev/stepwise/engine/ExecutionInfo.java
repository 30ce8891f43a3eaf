package dev.stepwise.engine;

import java.time.Instant;

/** The facts about an execution that the context object ({@code $$}) exposes. */
public record ExecutionInfo(
    String executionId,
    String executionName,
    Object input,
    Instant startTime,
    String stateMachineName,
    int revision,
    int redriveCount) {}
