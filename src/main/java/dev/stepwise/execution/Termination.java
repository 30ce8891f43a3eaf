package dev.stepwise.execution;

import dev.stepwise.engine.Event;
import dev.stepwise.execution.ExecutionRow.ExecutionStatus;
import dev.stepwise.queue.WorkQueue;
import java.util.List;
import org.springframework.stereotype.Component;

/** Ends a running execution from outside its states: stopped, timed out, or over a limit. */
@Component
public class Termination {
  private final TokenStore tokens;
  private final WorkQueue queue;
  private final ChildExecutions children;
  private final List<StopHandler> stopHandlers;

  Termination(
      TokenStore tokens,
      WorkQueue queue,
      ChildExecutions children,
      List<StopHandler> stopHandlers) {
    this.tokens = tokens;
    this.queue = queue;
    this.children = children;
    this.stopHandlers = stopHandlers;
  }

  public void terminate(
      ExecutionChange change, ExecutionStatus status, String error, String cause) {
    var id = change.executionId();
    change.end(status, null, error, cause);
    children.abortAll(change);
    tokens.cancelAll(id);
    // Pending timers and task work go; a task answer still in flight finds no item and is dropped.
    queue.cancelExecution(id);
    // What the features handed out is void: task tokens can no longer be answered, for one.
    for (StopHandler handler : stopHandlers) handler.stopped(change);
    String type =
        switch (status) {
          case TIMED_OUT -> "ExecutionTimedOut";
          case FAILED -> "ExecutionFailed";
          default -> "ExecutionAborted";
        };
    change.add(Event.of(type, "error", error, "cause", cause));
    if (change.execution().reportsToParent()) {
      children.reportEnd(change, new ChildExecutions.Report(status, null, error, cause));
    }
  }
}
