package dev.stepwise.execution;

/** A token's lifecycle: PENDING (a Map iteration waiting for a slot) → ACTIVE → an end. */
public enum TokenStatus {
  PENDING,
  ACTIVE,
  SUCCEEDED,
  FAILED,
  CANCELLED
}
