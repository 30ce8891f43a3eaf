package dev.stepwise.execution;

import dev.stepwise.asl.ErrorNames;
import dev.stepwise.queue.WorkItem;
import dev.stepwise.queue.WorkQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The safety net of work items: a step whose writes the database refuses for their content (a data
 * exception or a broken constraint) would be refused again on every retry, so its execution fails
 * with {@code States.Runtime} instead of being retried forever. Faults that may pass (a lost
 * connection, a deadlock, a duplicate key from a race) still go back to the queue.
 */
@Component
public class RefusedWrites {
  private static final Logger log = LoggerFactory.getLogger(RefusedWrites.class);

  private final ExecutionTransactions transactions;
  private final WorkQueue queue;
  private final Termination termination;

  RefusedWrites(ExecutionTransactions transactions, WorkQueue queue, Termination termination) {
    this.transactions = transactions;
    this.queue = queue;
    this.termination = termination;
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
          ChangeRequest.on(
                  item.executionId(),
                  change -> {
                    if (!queue.complete(item)) return false;
                    termination.terminate(
                        change, ExecutionStatus.FAILED, ErrorNames.RUNTIME, cause);
                    return true;
                  })
              .otherwise(ended -> queue.complete(item)));
    }
  }

  /** PostgreSQL's own words (first line, without its severity), which name no Java class. */
  static String reason(DataIntegrityViolationException e) {
    String message = String.valueOf(e.getMostSpecificCause().getMessage());
    String first = message.lines().findFirst().orElse("").trim();
    return first.startsWith("ERROR: ") ? first.substring("ERROR: ".length()) : first;
  }
}
