package dev.stepwise.maprun;

import dev.stepwise.asl.Json;
import dev.stepwise.engine.Event;
import dev.stepwise.execution.ExecutionChange;
import dev.stepwise.execution.ExecutionRow;
import dev.stepwise.execution.ExecutionStatus;
import dev.stepwise.execution.MapChildren;
import dev.stepwise.execution.TokenRow;
import dev.stepwise.execution.TokenStatus;
import dev.stepwise.execution.TokenStore;
import dev.stepwise.execution.WorkKinds;
import dev.stepwise.queue.NewWork;
import dev.stepwise.queue.WorkQueue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The child executions of distributed Maps. A parent's transaction creates its children and asks
 * them to abort; a child's transaction reports its end to the parent. Each side only writes rows
 * the other does not lock (a new execution, work items), so no transaction ever locks a parent and
 * a child execution together.
 */
@Component
class ChildExecutions implements MapChildren {
  private final RunningChildren running;
  private final TokenStore tokens;
  private final WorkQueue queue;

  ChildExecutions(RunningChildren running, TokenStore tokens, WorkQueue queue) {
    this.running = running;
    this.tokens = tokens;
    this.queue = queue;
  }

  /**
   * Starts the child execution that {@code waiting} (a token of the parent in the Map's fork)
   * stands for: its root token starts where {@code waiting} stands, in the item processor. It
   * starts through the one door ({@link ExecutionChange#start}), inside the parent's transaction:
   * the child's row, first event and counters, and the news of its start, as any start.
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
            UUID.randomUUID(),
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
            waiting.childIndex(),
            null,
            null,
            null,
            null);
    parent.start(
        child,
        change -> {
          change.add(
              Event.of(
                  "ExecutionStarted",
                  "input",
                  input,
                  "stateMachine",
                  p.stateMachine(),
                  "revision",
                  p.revision(),
                  "parentExecutionId",
                  p.id().toString()));
          int root = change.newTokenIds(1);
          tokens.insert(
              child.id(),
              new TokenRow(root, null, null, TokenStatus.ACTIVE, waiting.position(), null, 0, 0));
          queue.enqueue(
              List.of(new NewWork(child.id(), root, 0, WorkKinds.ADVANCE, parent.now(), null)));
        });
  }

  /** Asks the running children that the given tokens of the parent stand for to abort. */
  @Override
  public int abort(ExecutionChange parent, List<Integer> tokenIds) {
    if (tokenIds.isEmpty()) return 0;
    return askToAbort(parent, running.of(parent.executionId(), tokenIds));
  }

  /** Asks every running child of the parent to abort (the parent stopped). */
  @Override
  public int abortAll(ExecutionChange parent) {
    return askToAbort(parent, running.of(parent.executionId()));
  }

  private int askToAbort(ExecutionChange parent, Collection<UUID> children) {
    var work = new ArrayList<NewWork>(children.size());
    for (UUID child : children) {
      work.add(new NewWork(child, 1, 0, MapRunKinds.ABORT_CHILD, parent.now(), null));
    }
    queue.enqueue(work);
    return children.size();
  }

  /** A child execution that ended tells its parent, with a work item the parent handles. */
  @Override
  public void reportEnd(ExecutionChange child, Report report) {
    ExecutionRow row = child.execution();
    if (!row.isChild()) return;
    queue.enqueue(
        List.of(
            new NewWork(
                row.parentExecutionId(),
                row.parentTokenId(),
                0,
                MapRunKinds.CHILD_DONE,
                child.now(),
                Json.write(report))));
  }
}
