package dev.stepwise.task;

/**
 * What a call needs to know about the execution beyond the {@link dev.stepwise.engine.TaskRequest}.
 *
 * @param executionId sent as {@code Stepwise-Execution-Id}
 * @param idempotencyKey sent as {@code Idempotency-Key}; the same for every delivery and retry of
 *     one entry into the state
 * @param traceParent sent as W3C {@code traceparent}: the execution's trace, continued by this
 *     call; null for none
 * @param traceState sent as W3C {@code tracestate} with it; null for none
 */
public record CallContext(
    String executionId, String idempotencyKey, String traceParent, String traceState) {

  /** A call that carries no trace. */
  public CallContext(String executionId, String idempotencyKey) {
    this(executionId, idempotencyKey, null, null);
  }
}
