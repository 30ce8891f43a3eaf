package dev.stepwise.task;

/** STUB: replaced by the task module. */
public record CallContext(String executionId, String idempotencyKey) {}
