package dev.stepwise.lifecycle;

import dev.stepwise.admission.Admission;
import dev.stepwise.execution.ChangeRequest;
import dev.stepwise.execution.ExecutionRow;
import dev.stepwise.execution.ExecutionRow.ExecutionStatus;
import dev.stepwise.execution.ExecutionStore;
import dev.stepwise.execution.ExecutionTransactions;
import dev.stepwise.execution.LimitsProperties;
import dev.stepwise.execution.Redriver;
import dev.stepwise.execution.Termination;
import dev.stepwise.lifecycle.Executions.ExecutionView;
import java.time.Duration;
import java.util.UUID;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;

/** Stopping and redriving executions. */
@Service
public class ExecutionControl {
  private final ExecutionStore executions;
  private final ExecutionTransactions transactions;
  private final Termination termination;
  private final Redriver redriver;
  private final Duration lockWait;
  private final int historyLimit;
  private final Admission admission;

  ExecutionControl(
      ExecutionStore executions,
      ExecutionTransactions transactions,
      Termination termination,
      Redriver redriver,
      LimitsProperties limits,
      Admission admission) {
    this.executions = executions;
    this.transactions = transactions;
    this.termination = termination;
    this.redriver = redriver;
    // A step holds the row at most about its evaluation bound: wait that out, then answer.
    this.lockWait = limits.evaluationTimeout().plusSeconds(2);
    this.historyLimit = limits.historyEvents();
    this.admission = admission;
  }

  /** Stops a running execution: ABORTED, its pending work and timers cancelled. */
  public ExecutionView stop(String executionId, String error, String cause) {
    return stop(executionId, error, cause, null);
  }

  /** As {@link #stop(String, String, String)}, recording {@code stoppedBy} (the caller's name). */
  public ExecutionView stop(String executionId, String error, String cause, String stoppedBy) {
    UUID id = Executions.parse(executionId);
    ExecutionRow row = executions.find(id).orElseThrow(() -> Executions.notFound(executionId));
    if (row.status() != ExecutionStatus.RUNNING) {
      throw new ExecutionConflict(
          "Execution '" + executionId + "' is not running (status " + row.status() + ")");
    }
    try {
      transactions.run(
          ChangeRequest.on(
                  id,
                  change -> {
                    termination.terminate(change, ExecutionStatus.ABORTED, error, cause);
                    if (stoppedBy != null) executions.recordStopper(id, stoppedBy);
                    return true;
                  })
              .waitingAtMost(lockWait));
    } catch (PessimisticLockingFailureException e) {
      throw new ExecutionBusy("Execution '" + executionId + "' is busy; try stopping it again");
    }
    return current(id, executionId);
  }

  /**
   * Resumes a FAILED, TIMED_OUT or ABORTED execution from the state where it stopped, keeping its
   * history. A Parallel or Map state it stopped in runs again as a whole. Like a start, it is
   * refused with {@link dev.stepwise.admission.ThrottledException} when this node is overloaded.
   */
  public ExecutionView redrive(String executionId) {
    UUID id = Executions.parse(executionId);
    try (var permit = admission.admit()) {
      redriveNow(id, executionId);
    }
    return current(id, executionId);
  }

  private void redriveNow(UUID id, String executionId) {
    transactions.run(
        ChangeRequest.on(
                id,
                change -> {
                  ExecutionRow row = change.execution();
                  if (!row.status().canBecome(ExecutionStatus.RUNNING)) {
                    throw new ExecutionConflict(
                        "Execution '"
                            + executionId
                            + "' cannot be redriven from status "
                            + row.status());
                  }
                  // As AWS, no redrive once the history holds the limit less one event: no room is
                  // left
                  // for the redrive and a state.
                  if (row.lastEventId() >= historyLimit - 1) {
                    throw new ExecutionConflict(
                        "Execution '"
                            + executionId
                            + "' cannot be redriven: its history reached the limit of "
                            + historyLimit
                            + " events");
                  }
                  redriver.redrive(change);
                  return true;
                })
            .whateverItsStatus()
            .orElseThrow(() -> Executions.notFound(executionId)));
  }

  private ExecutionView current(UUID id, String executionId) {
    return Executions.view(executions.find(id).orElseThrow(() -> Executions.notFound(executionId)));
  }
}
