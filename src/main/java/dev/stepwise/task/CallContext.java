package dev.stepwise.task;

/**
 * What a call needs to know about the execution beyond the {@link dev.stepwise.engine.TaskRequest}.
 *
 * @param executionId sent as {@code Stepwise-Execution-Id}
 * @param idempotencyKey sent as {@code Idempotency-Key}; the same for every delivery and retry of
 *     one entry into the state
 */
public record CallContext(String executionId, String idempotencyKey) {}
