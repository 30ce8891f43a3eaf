package dev.stepwise.execution;

import dev.stepwise.asl.Json;
import dev.stepwise.engine.Event;
import dev.stepwise.engine.MapRun;
import dev.stepwise.queue.WorkHandler;
import dev.stepwise.queue.WorkItem;
import dev.stepwise.queue.WorkQueue;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A child execution of a distributed Map ended: in the parent's transaction, its waiting token
 * takes the child's output (or, for a failure, its error output), a free slot starts the next
 * child, and the last one joins. Failures beyond the run's tolerance fail the Map at once, with
 * the children still running aborted. A report for a token that is gone (the Map already failed,
 * the parent stopped) is dropped.
 */
@Component
class ChildDoneHandler implements WorkHandler {
  private final Stepper stepper;
  private final TokenStore tokens;
  private final WorkQueue queue;
  private final StepApplier applier;
  private final MapRunStarter starter;
  private final ChildExecutions children;

  ChildDoneHandler(
      Stepper stepper,
      TokenStore tokens,
      WorkQueue queue,
      StepApplier applier,
      MapRunStarter starter,
      ChildExecutions children) {
    this.stepper = stepper;
    this.tokens = tokens;
    this.queue = queue;
    this.applier = applier;
    this.starter = starter;
    this.children = children;
  }

  @Override
  public String kind() {
    return WorkKinds.CHILD_DONE;
  }

  @Override
  public void handle(WorkItem item) {
    var outcome = Json.mapper().readValue(item.payload(), ChildExecutions.Outcome.class);
    stepper.settle(item, session -> childEnded(session, item.tokenId(), outcome));
  }

  private void childEnded(Session session, int tokenId, ChildExecutions.Outcome outcome) {
    var id = session.executionId();
    TokenRow waiting = tokens.find(id, tokenId).orElse(null);
    if (waiting == null || waiting.status() != TokenStatus.ACTIVE) return;
    TokenRow mapRow = tokens.find(id, waiting.parentId()).orElseThrow();
    MapRun run = session.interpreter().mapRun(mapRow.position());
    boolean succeeded = outcome.status() == ExecutionStatus.SUCCEEDED;
    tokens.end(
        id, tokenId, succeeded ? TokenStatus.SUCCEEDED : TokenStatus.FAILED,
        Json.write(succeeded ? outcome.output() : errorOutput(outcome)));
    int open = tokens.closeChild(id, mapRow.id());
    if (!succeeded) {
      int failed = tokens.countChildren(id, mapRow.id(), TokenStatus.FAILED);
      if (run.exceeded(failed)) {
        List<Integer> gone = tokens.deleteDescendants(id, mapRow.id());
        queue.cancelTokens(id, gone);
        children.abort(session, gone);
        session.add(new Event("MapRunFailed", StepApplier.details("error", MapRun.EXCEEDED)));
        applier.apply(
            session,
            mapRow,
            session.interpreter()
                .afterChildFailed(mapRow.position(), MapRun.EXCEEDED, run.exceededCause(failed), session.context()));
        return;
      }
    }
    tokens.activateNextPending(id, mapRow.id()).ifPresent(next -> starter.startNext(session, next, run.label()));
    if (open > 0) return;
    List<Object> outputs = tokens.childOutputs(id, mapRow.id());
    tokens.deleteDescendants(id, mapRow.id());
    session.add(new Event("MapRunSucceeded", StepApplier.details()));
    applier.apply(
        session, mapRow, session.interpreter().afterChildren(mapRow.position(), outputs, session.context()));
  }

  /** A failed child's place in the result: its error output, as a Catch would see it. */
  private static Object errorOutput(ChildExecutions.Outcome outcome) {
    var error = new LinkedHashMap<String, Object>();
    error.put("Error", outcome.error());
    error.put("Cause", outcome.cause());
    return error;
  }
}
