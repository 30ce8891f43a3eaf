package dev.stepwise.callback;

import dev.stepwise.engine.Phase;
import dev.stepwise.execution.ChangeRequest;
import dev.stepwise.execution.ExecutionChange;
import dev.stepwise.execution.ExecutionTransactions;
import dev.stepwise.execution.TokenRow;
import dev.stepwise.execution.TokenRow.TokenStatus;
import dev.stepwise.execution.TokenStore;
import dev.stepwise.queue.WorkItem;
import dev.stepwise.queue.WorkQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;

/**
 * The transaction shape of whatever acts on a handed-out task token (an answer, a heartbeat, a
 * timer, a delivery, an activity worker's claim): in the execution's transaction, the token's row
 * is read again under the lock, and the work runs only while the token still waits at the position
 * the task token was handed out for, so a second, late or stopped answer changes nothing.
 */
@Component
class WaitingCallbacks {
  private final ExecutionTransactions transactions;
  private final CallbackStore store;
  private final TokenStore tokens;
  private final WorkQueue queue;

  WaitingCallbacks(
      ExecutionTransactions transactions, CallbackStore store, TokenStore tokens, WorkQueue queue) {
    this.transactions = transactions;
    this.store = store;
    this.tokens = tokens;
    this.queue = queue;
  }

  /** What is done for a token that still waits. */
  interface Work {
    void run(ExecutionChange change, TokenRow token, CallbackRow row);
  }

  /**
   * Runs {@code work} in the execution's transaction if the task token's state still waits for it;
   * returns whether it did. A work {@code item} (a timer, a delivery) is completed either way.
   */
  boolean onWaiting(CallbackRow known, WorkItem item, Work work) {
    var waiting = new AtomicBoolean();
    transactions.run(
        ChangeRequest.on(
            known.executionId(),
            change -> {
              waiting.set(false);
              if (item != null && !queue.complete(item)) return false;
              // Read again under the execution's lock: a concurrent answer may have closed it.
              CallbackRow row = store.find(known.taskToken()).orElseThrow();
              TokenRow token = waitingFor(change, row);
              if (token == null) return item != null;
              work.run(change, token, row);
              waiting.set(true);
              return true;
            }));
    return waiting.get();
  }

  /**
   * The token that still waits for the task token {@code row} records, read in {@code change}; null
   * when it no longer does (answered, timed out, stopped, or its state moved on).
   */
  TokenRow waitingFor(ExecutionChange change, CallbackRow row) {
    TokenRow token = tokens.find(change.executionId(), row.tokenId()).orElse(null);
    return waits(token, row) ? token : null;
  }

  private static boolean waits(TokenRow token, CallbackRow row) {
    return !row.closed()
        && token != null
        && token.status() == TokenStatus.ACTIVE
        && token.version() == row.tokenVersion()
        && token.position().phase() == Phase.TASK
        && row.taskToken().equals(token.position().pending());
  }
}
