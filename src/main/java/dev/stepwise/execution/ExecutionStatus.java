package dev.stepwise.execution;

import java.util.Map;
import java.util.Set;

/** An execution's status, and the only changes allowed between them. */
public enum ExecutionStatus {
  RUNNING,
  SUCCEEDED,
  FAILED,
  TIMED_OUT,
  ABORTED;

  private static final Map<ExecutionStatus, Set<ExecutionStatus>> ALLOWED =
      Map.of(
          RUNNING, Set.of(SUCCEEDED, FAILED, TIMED_OUT, ABORTED),
          // Redrive takes a stopped execution back to RUNNING.
          FAILED, Set.of(RUNNING),
          TIMED_OUT, Set.of(RUNNING),
          ABORTED, Set.of(RUNNING),
          SUCCEEDED, Set.of());

  public boolean canBecome(ExecutionStatus next) {
    return ALLOWED.get(this).contains(next);
  }
}
