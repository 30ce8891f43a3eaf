package dev.stepwise.execution;

import dev.stepwise.engine.Event;
import dev.stepwise.queue.NewWork;
import dev.stepwise.queue.WorkQueue;
import dev.stepwise.statemachine.StateMachines;
import java.util.ArrayList;
import org.springframework.stereotype.Component;

/**
 * Puts a stopped execution back to work: its root token enters again the state it stood in when
 * the execution failed, timed out or was aborted (a failed state keeps that position for this),
 * with the input that state had.
 */
@Component
class Redriver {
  private final ExecutionStore executions;
  private final TokenStore tokens;
  private final WorkQueue queue;
  private final StateMachines stateMachines;

  Redriver(
      ExecutionStore executions, TokenStore tokens, WorkQueue queue, StateMachines stateMachines) {
    this.executions = executions;
    this.tokens = tokens;
    this.queue = queue;
    this.stateMachines = stateMachines;
  }

  void redrive(Session session) {
    var id = session.executionId();
    ExecutionRow row = session.execution();
    TokenRow root = tokens.find(id, 1).orElseThrow();
    queue.cancelTokens(id, tokens.deleteDescendants(id, root.id()));
    int version = tokens.reactivate(id, root, root.position().restart());
    executions.redrive(id);
    var work = new ArrayList<NewWork>();
    work.add(new NewWork(id, root.id(), version, WorkKinds.STEP, session.now(), null));
    Integer timeout = stateMachines.parsed(row.stateMachine(), row.revision()).timeoutSeconds();
    if (timeout != null) {
      work.add(
          new NewWork(id, root.id(), version, WorkKinds.TIMEOUT, session.now().plusSeconds(timeout), null));
    }
    queue.enqueue(work);
    session.add(
        new Event(
            "ExecutionRedriven", StepApplier.details("redriveCount", row.redriveCount() + 1)));
  }
}
