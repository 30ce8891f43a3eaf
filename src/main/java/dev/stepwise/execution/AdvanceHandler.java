package dev.stepwise.execution;

import dev.stepwise.queue.WorkHandler;
import dev.stepwise.queue.WorkItem;
import java.util.List;
import org.springframework.stereotype.Component;

/** Advances a token: entering a state, or going on after its Wait or retry timer fired. */
@Component
class AdvanceHandler implements WorkHandler {
  private final WorkItemChanges itemChanges;

  AdvanceHandler(WorkItemChanges itemChanges) {
    this.itemChanges = itemChanges;
  }

  @Override
  public String kind() {
    return WorkKinds.ADVANCE;
  }

  @Override
  public void handle(WorkItem item) {
    itemChanges.run(
        item, List.of(), (interpreter, token, context) -> interpreter.advance(token, context));
  }
}
