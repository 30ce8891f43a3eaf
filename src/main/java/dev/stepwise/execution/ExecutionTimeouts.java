package dev.stepwise.execution;

import dev.stepwise.queue.NewWork;
import dev.stepwise.queue.WorkQueue;
import dev.stepwise.statemachine.StateMachines;
import java.util.List;
import org.springframework.stereotype.Component;

/** Arms an execution's own {@code TimeoutSeconds}, when its definition has one. */
@Component
class ExecutionTimeouts {
  private final StateMachines stateMachines;
  private final WorkQueue queue;

  ExecutionTimeouts(StateMachines stateMachines, WorkQueue queue) {
    this.stateMachines = stateMachines;
    this.queue = queue;
  }

  /** Arms the timeout from now (a start or a redrive), for the root token's version. */
  void arm(ExecutionChange change, int rootVersion) {
    ExecutionRow row = change.execution();
    Integer timeout = stateMachines.parsed(row.stateMachine(), row.revision()).timeoutSeconds();
    if (timeout == null) return;
    queue.enqueue(
        List.of(
            new NewWork(
                row.id(),
                1,
                rootVersion,
                WorkKinds.TIMEOUT,
                change.now().plusSeconds(timeout),
                null)));
  }
}
