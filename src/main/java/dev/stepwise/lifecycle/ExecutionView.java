package dev.stepwise.lifecycle;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.stepwise.execution.ExecutionStatus;
import java.time.Instant;

/**
 * An execution as the API shows it; {@code input} and {@code output} are JSON values. {@code
 * parentExecutionId} is set for child executions (a distributed Map's, or one a Task state started
 * with {@code states:startExecution}); {@code version} and {@code alias} for executions started on
 * a version or an alias (an alias's execution names the version it chose too). {@code startedBy}
 * and {@code stoppedBy} name the callers that started and stopped it (absent for a distributed
 * Map's children and for an execution not stopped by a call).
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
    @JsonInclude(JsonInclude.Include.NON_NULL) String parentExecutionId,
    @JsonInclude(JsonInclude.Include.NON_NULL) Integer version,
    @JsonInclude(JsonInclude.Include.NON_NULL) String alias,
    @JsonInclude(JsonInclude.Include.NON_NULL) String startedBy,
    @JsonInclude(JsonInclude.Include.NON_NULL) String stoppedBy) {}
