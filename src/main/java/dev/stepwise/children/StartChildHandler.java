package dev.stepwise.children;

import dev.stepwise.asl.Json;
import dev.stepwise.engine.TaskRequest;
import dev.stepwise.execution.WorkItemChanges;
import dev.stepwise.queue.WorkHandler;
import dev.stepwise.queue.WorkItem;
import org.springframework.stereotype.Component;

/**
 * A {@code states:startExecution} Task was scheduled: in the parent's transaction, while its token
 * still waits in the state, the execution it asks for starts ({@link ChildStarts}).
 */
@Component
class StartChildHandler implements WorkHandler {
  private final WorkItemChanges itemChanges;
  private final ChildStarts starts;

  StartChildHandler(WorkItemChanges itemChanges, ChildStarts starts) {
    this.itemChanges = itemChanges;
    this.starts = starts;
  }

  @Override
  public String kind() {
    return ChildKinds.START_CHILD;
  }

  @Override
  public void handle(WorkItem item) {
    var request = Json.readStored(item.payload(), TaskRequest.class);
    itemChanges.onToken(item, (change, token) -> starts.start(change, token, request));
  }
}
