package dev.stepwise.execution;

import dev.stepwise.engine.TaskRequest;

/**
 * The payload of a TASK work item: the request, and the idempotency key that stays the same for
 * every delivery and retry of one entry into the state, and the state machine (for metrics).
 */
record TaskWork(TaskRequest request, String idempotencyKey, String stateMachine) {}
