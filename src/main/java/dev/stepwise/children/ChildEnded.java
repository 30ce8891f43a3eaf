package dev.stepwise.children;

import dev.stepwise.execution.ChildExecutions;
import dev.stepwise.execution.ExecutionRow.ExecutionStatus;
import java.util.UUID;

/**
 * A {@link ChildKinds#CHILD_DONE} item's payload: how a child execution ended.
 *
 * @param taskChild the child's id when a Task state waits for it; null for a distributed Map's
 *     child (and in reports stored before Tasks started children)
 */
record ChildEnded(
    ExecutionStatus status, Object output, String error, String cause, UUID taskChild) {

  ChildExecutions.Report report() {
    return new ChildExecutions.Report(status, output, error, cause);
  }
}
