package dev.stepwise.execution;

import dev.stepwise.engine.Event;
import dev.stepwise.queue.WorkQueue;
import dev.stepwise.queue.WorkQueue.NewWork;
import org.springframework.stereotype.Component;

/**
 * Puts a stopped execution back to work: its root token enters again the state it stood in when the
 * execution failed, timed out or was aborted (a failed state keeps that position for this), with
 * the input that state had.
 */
@Component
public class Redriver {
  private final ExecutionStore executions;
  private final TokenStore tokens;
  private final WorkQueue queue;

  Redriver(ExecutionStore executions, TokenStore tokens, WorkQueue queue) {
    this.executions = executions;
    this.tokens = tokens;
    this.queue = queue;
  }

  public void redrive(ExecutionChange change) {
    var id = change.executionId();
    ExecutionRow row = change.execution();
    TokenRow root = tokens.find(id, 1).orElseThrow();
    queue.cancelTokens(id, tokens.deleteDescendants(id, root.id()));
    int version = tokens.reactivate(id, root, root.position().restart());
    executions.redrive(id);
    var advance = new NewWork(id, root.id(), version, WorkKinds.ADVANCE, change.now(), null);
    queue.enqueue(NewExecutions.withTimeout(change, version, advance));
    change.add(Event.of("ExecutionRedriven", "redriveCount", row.redriveCount() + 1));
  }
}
