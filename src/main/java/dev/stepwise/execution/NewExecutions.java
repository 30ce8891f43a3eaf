package dev.stepwise.execution;

import dev.stepwise.engine.Event;
import dev.stepwise.engine.Token;
import dev.stepwise.execution.TokenRow.TokenStatus;
import dev.stepwise.queue.WorkQueue;
import dev.stepwise.queue.WorkQueue.NewWork;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Starts an execution through {@link ExecutionTransactions}: one transaction inserts it and puts it
 * to work: the first event, the root token, the execution's timeout, and the first step, all
 * written together, so a run of pure states may finish before the start returns. A child execution
 * starts inside its parent's transaction ({@link NewChildExecutions}).
 */
@Component
public class NewExecutions {
  private final ExecutionTransactions transactions;
  private final StepApplier applier;
  private final WorkQueue queue;

  NewExecutions(ExecutionTransactions transactions, StepApplier applier, WorkQueue queue) {
    this.transactions = transactions;
    this.applier = applier;
    this.queue = queue;
  }

  /**
   * Inserts the execution {@code row} makes (inside the transaction) with {@code input}, and runs
   * its first step; returns the change written, or empty when the execution's name is taken
   * (nothing was written; the caller finds the execution that has it).
   */
  public Optional<ExecutionChange> start(Supplier<ExecutionRow> row, Object input) {
    return transactions.run(
        ChangeRequest.start(
            row,
            change -> {
              run(change, input);
              return true;
            }));
  }

  private void run(ExecutionChange change, Object input) {
    ExecutionRow row = change.execution();
    change.add(started(row, input));
    Token start = change.interpreter().startToken(input);
    var root = new TokenRow(1, null, null, TokenStatus.ACTIVE, start, null, 0, 0);
    queue.enqueue(withTimeout(change, 0));
    // The root token is inserted with the first step's work, already moved.
    applier.applyStart(change, root, change.decide(ExecutionChange.ADVANCE, root));
  }

  /**
   * {@code work}, and with it the timer of the execution's own {@code TimeoutSeconds} from now (a
   * start or a redrive) for the root token's version when its definition has one: enqueued
   * together, in one statement.
   */
  static List<NewWork> withTimeout(ExecutionChange change, int rootVersion, NewWork... work) {
    var all = new ArrayList<>(List.of(work));
    Integer seconds = change.interpreter().timeoutSeconds();
    if (seconds != null) {
      all.add(
          new NewWork(
              change.executionId(),
              1,
              rootVersion,
              WorkKinds.TIMEOUT,
              change.now().plusSeconds(seconds),
              null));
    }
    return all;
  }

  /** The first event of an execution, a child's naming its parent. */
  static Event started(ExecutionRow row, Object input) {
    return Event.of(
        "ExecutionStarted",
        "input",
        input,
        "stateMachine",
        row.stateMachine(),
        "revision",
        row.revision(),
        "version",
        row.version(),
        "alias",
        row.alias(),
        "parentExecutionId",
        row.parentExecutionId() == null ? null : row.parentExecutionId().toString());
  }
}
