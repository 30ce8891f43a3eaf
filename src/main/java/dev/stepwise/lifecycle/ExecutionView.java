package dev.stepwise.lifecycle;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.stepwise.execution.ExecutionStatus;
import java.time.Instant;

/**
 * An execution as the API shows it; {@code input} and {@code output} are JSON values. {@code
 * parentExecutionId} is set for the child executions of a distributed Map only.
 */
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
    int redriveCount,
    @JsonInclude(JsonInclude.Include.NON_NULL) String parentExecutionId) {}
