package dev.stepwise.execution;

import dev.stepwise.engine.Event;
import dev.stepwise.engine.Step;
import dev.stepwise.queue.LogContext;
import dev.stepwise.queue.WorkItem;
import dev.stepwise.queue.WorkQueue;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * The changes a claimed work item makes, in the one transaction shape of an item: lock the
 * execution, complete the item (guarded by the claim's version), check the token is still where the
 * item expects it, run the interpreter and apply its {@link dev.stepwise.engine.Step} with {@link
 * StepApplier}. Nothing here leaves the database. (Once "Stepper": "step" now means only the
 * interpreter's result.)
 */
@Component
public class WorkItemChanges {
  private final ExecutionTransactions transactions;
  private final WorkQueue queue;
  private final StepApplier applier;
  private final RefusedWrites refused;

  WorkItemChanges(
      ExecutionTransactions transactions,
      WorkQueue queue,
      StepApplier applier,
      RefusedWrites refused) {
    this.transactions = transactions;
    this.queue = queue;
    this.applier = applier;
    this.refused = refused;
  }

  /**
   * Runs {@code action} for the token {@code item} names and applies the step; {@code before} are
   * events to record first (a task's start). A stale item (the token moved on, the execution ended,
   * or another node owns the claim now) is dropped without effect; an item of an execution that has
   * ended is removed.
   */
  void run(WorkItem item, List<Event> before, ExecutionChange.Action action) {
    onToken(
        item,
        (change, token) -> {
          change.addAll(before);
          Step step = change.decide(action, token);
          applier.apply(change, token, step);
        });
  }

  /**
   * Runs {@code work} on the token {@code item} names, in the transaction shape of {@link #run}: a
   * stale item is dropped without effect; an item of an execution that has ended is removed.
   */
  public void onToken(WorkItem item, BiConsumer<ExecutionChange, TokenRow> work) {
    var request =
        completing(
                item,
                change -> {
                  var token = change.prefetched();
                  if (token == null
                      || token.status() != TokenStatus.ACTIVE
                      || token.version() != item.tokenVersion()) {
                    return;
                  }
                  if (token.position() != null) LogContext.state(token.position().state());
                  work.accept(change, token);
                })
            .withToken(item.tokenId());
    refused.guard(item, () -> transactions.run(request));
  }

  /**
   * Runs {@code work} on a running execution, for work that is not a token's step and may outlive
   * it (a timeout, a child's report to its parent, an abort): on an execution that has ended, the
   * item is just removed.
   */
  public void settle(WorkItem item, Consumer<ExecutionChange> work) {
    var request = completing(item, work);
    refused.guard(item, () -> transactions.run(request));
  }

  /**
   * The change every item makes: the item is completed (guarded by its claim's version: a claim
   * lost to another node rolls the transaction back), then {@code work} runs; an item of an
   * execution that has ended is just completed.
   */
  private ChangeRequest completing(WorkItem item, Consumer<ExecutionChange> work) {
    return ChangeRequest.on(
            item.executionId(),
            change -> {
              if (!queue.complete(item)) return false;
              work.accept(change);
              return true;
            })
        .otherwise(ended -> queue.complete(item));
  }
}
