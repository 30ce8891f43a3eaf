package dev.stepwise.execution;

import dev.stepwise.asl.ErrorNames;
import dev.stepwise.engine.Event;
import dev.stepwise.engine.Step;
import dev.stepwise.execution.ExecutionRow.ExecutionStatus;
import dev.stepwise.execution.TokenRow.TokenStatus;
import dev.stepwise.queue.LogContext;
import dev.stepwise.queue.WorkItem;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The changes a claimed work item makes, in the one transaction shape of an item: lock the
 * execution, complete the item (guarded by the claim's version), check the token is still where the
 * item expects it, run the interpreter and apply its {@link dev.stepwise.engine.Step} with {@link
 * StepApplier}. Nothing here leaves the database. (Once "Stepper": "step" now means only the
 * interpreter's result.)
 *
 * <p>Its safety net ({@link #guard}): a step whose writes the database refuses for their content (a
 * data exception or a broken constraint) would be refused again on every retry, so its execution
 * fails with {@code States.Runtime} instead of being retried forever. Faults that may pass (a lost
 * connection, a deadlock, a duplicate key from a race) still go back to the queue.
 */
@Component
public class WorkItemChanges {
  private static final Logger log = LoggerFactory.getLogger(WorkItemChanges.class);

  private final ExecutionTransactions transactions;
  private final StepApplier applier;
  private final Termination termination;

  WorkItemChanges(
      ExecutionTransactions transactions, StepApplier applier, Termination termination) {
    this.transactions = transactions;
    this.applier = applier;
    this.termination = termination;
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
    guard(item, () -> transactions.run(request));
  }

  /**
   * Runs {@code work} on a running execution, for work that is not a token's step and may outlive
   * it (a timeout, a child's report to its parent, an abort): on an execution that has ended, the
   * item is just removed.
   */
  public void settle(WorkItem item, Consumer<ExecutionChange> work) {
    var request = completing(item, work);
    guard(item, () -> transactions.run(request));
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
              work.accept(change);
              return true;
            })
        .completing(item)
        .otherwise(ended -> true);
  }

  /** Runs the work of {@code item}; if the database refuses its writes, fails the execution. */
  public void guard(WorkItem item, Runnable work) {
    try {
      work.run();
    } catch (DataIntegrityViolationException e) {
      if (e instanceof DuplicateKeyException) throw e;
      log.error(
          "The database refused the writes of work item {} on execution {}",
          item.id(),
          item.executionId(),
          e);
      String cause = "The database refused to store the execution's data: " + reason(e);
      transactions.run(
          completing(
              item,
              change ->
                  termination.terminate(
                      change, ExecutionStatus.FAILED, ErrorNames.RUNTIME, cause)));
    }
  }

  /** PostgreSQL's own words (first line, without its severity), which name no Java class. */
  static String reason(DataIntegrityViolationException e) {
    String message = String.valueOf(e.getMostSpecificCause().getMessage());
    String first = message.lines().findFirst().orElse("").trim();
    return first.startsWith("ERROR: ") ? first.substring("ERROR: ".length()) : first;
  }
}
