package dev.stepwise.children;

import dev.stepwise.asl.Json;
import dev.stepwise.engine.Event;
import dev.stepwise.execution.ChildExecutions;
import dev.stepwise.execution.ExecutionChange;
import dev.stepwise.execution.ExecutionIds;
import dev.stepwise.execution.ExecutionRow;
import dev.stepwise.execution.ExecutionRow.ExecutionStatus;
import dev.stepwise.execution.NewChildExecutions;
import dev.stepwise.execution.TokenRow;
import dev.stepwise.queue.WorkQueue;
import dev.stepwise.queue.WorkQueue.NewWork;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Child executions, of a distributed Map or of a Task state that waits for the execution it started
 * ({@link StartChildHandler}). A parent's transaction creates its children and asks them to abort;
 * a child's transaction reports its end to the parent token that waits for it. Each side only
 * writes rows the other does not lock (a new execution, work items), so no transaction ever locks a
 * parent and a child execution together.
 */
@Component
class Children implements ChildExecutions {
  private final RunningChildren running;
  private final NewChildExecutions newChildren;
  private final WorkQueue queue;

  Children(RunningChildren running, NewChildExecutions newChildren, WorkQueue queue) {
    this.running = running;
    this.newChildren = newChildren;
    this.queue = queue;
  }

  /**
   * Starts the child execution that {@code waiting} (a token of the parent in the Map's fork)
   * stands for: its root token starts where {@code waiting} stands, in the item processor, inside
   * the parent's transaction.
   */
  @Override
  public void start(ExecutionChange parent, TokenRow waiting, String label) {
    ExecutionRow p = parent.execution();
    // The first child's token id tells this map run from earlier runs of the same state.
    int run = waiting.id() - waiting.childIndex();
    String name = p.name() + ":" + label + ":" + run + ":" + waiting.childIndex();
    Object input = waiting.position().input();
    var child =
        new ExecutionRow(
            ExecutionIds.next(),
            name,
            p.stateMachine(),
            p.revision(),
            ExecutionStatus.RUNNING,
            Json.write(input),
            null,
            null,
            null,
            parent.now(),
            null,
            0,
            0,
            0,
            p.id(),
            waiting.id(),
            null,
            waiting.childIndex(),
            null,
            null,
            null,
            null,
            // A distributed Map's children carry on their parent's trace.
            p.traceParent(),
            p.traceState());
    newChildren.start(parent, child, waiting.position(), input);
  }

  /** Asks the running children that the given tokens of the parent wait for to abort. */
  @Override
  public int abort(ExecutionChange parent, List<Integer> tokenIds) {
    if (tokenIds.isEmpty()) return 0;
    return askToAbort(parent, running.of(parent.executionId(), tokenIds));
  }

  /**
   * Asks every running child the parent waits for to abort (the parent stopped); a distributed
   * Map's run says so in the parent's history with {@code MapRunAborted}.
   */
  @Override
  public void abortAll(ExecutionChange parent) {
    var children = running.of(parent.executionId());
    askToAbort(parent, children);
    if (children.stream().anyMatch(RunningChildren.Child::ofMapRun)) {
      parent.add(Event.of("MapRunAborted"));
    }
  }

  private int askToAbort(ExecutionChange parent, List<RunningChildren.Child> children) {
    var work = new ArrayList<NewWork>(children.size());
    for (var child : children) {
      work.add(new NewWork(child.id(), 1, 0, ChildKinds.ABORT_CHILD, parent.now(), null));
    }
    queue.enqueue(work);
    return children.size();
  }

  /**
   * A child execution that ended tells the parent token waiting for it (the core asks only for
   * those), with a work item the parent handles; a Task's child names itself, so the parent can
   * describe it, and quotes the version the token waited at, so a token that moved on drops the
   * report.
   */
  @Override
  public void reportEnd(ExecutionChange child, Report report) {
    ExecutionRow row = child.execution();
    boolean ofTask = row.mapIndex() == null;
    var ended =
        new ChildEnded(
            report.status(),
            report.output(),
            report.error(),
            report.cause(),
            ofTask ? row.id() : null);
    queue.enqueue(
        List.of(
            new NewWork(
                row.parentExecutionId(),
                row.parentTokenId(),
                ofTask ? row.parentTokenVersion() : 0,
                ChildKinds.CHILD_DONE,
                child.now(),
                Json.write(ended))));
  }
}
