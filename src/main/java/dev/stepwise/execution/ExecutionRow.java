package dev.stepwise.execution;

import java.time.Instant;
import java.util.UUID;

/**
 * An execution as stored; JSON columns are kept as text. A child execution of a distributed Map
 * names its parent execution, the parent's token that waits for it, and its index in the run. An
 * execution started on a version or an alias names them ({@code version} is the alias's choice).
 * {@code startedBy} and {@code stoppedBy} name the callers that started and stopped it.
 */
public record ExecutionRow(
    UUID id,
    String name,
    String stateMachine,
    int revision,
    ExecutionStatus status,
    String input,
    String output,
    String error,
    String cause,
    Instant startedAt,
    Instant stoppedAt,
    int redriveCount,
    long lastEventId,
    int lastTokenId,
    UUID parentExecutionId,
    Integer parentTokenId,
    Integer mapIndex,
    Integer version,
    String alias,
    String startedBy,
    String stoppedBy) {

  public boolean isChild() {
    return parentExecutionId != null;
  }
}
