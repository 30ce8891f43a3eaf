package dev.stepwise.execution;

import dev.stepwise.engine.TaskRequest;
import dev.stepwise.tracing.ExecutionTrace;

/**
 * The payload of a TASK work item: the request, and the idempotency key that stays the same for
 * every delivery and retry of one entry into the state, the state machine (for metrics), and the
 * trace the execution keeps (copied from its row, which the step that enqueues the item has read
 * anyway, so that the node sending the request needs no read of its own; null in items enqueued
 * before traces were kept).
 */
record TaskWork(
    TaskRequest request,
    String idempotencyKey,
    String stateMachine,
    String traceParent,
    String traceState) {

  ExecutionTrace trace() {
    return traceParent == null ? null : new ExecutionTrace(traceParent, traceState);
  }
}
