package dev.stepwise.execution;

import dev.stepwise.engine.Token;
import dev.stepwise.execution.TokenRow.TokenStatus;
import dev.stepwise.queue.WorkQueue;
import dev.stepwise.queue.WorkQueue.NewWork;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Starts child executions inside their parent's transaction, through the same door ({@link
 * ExecutionChange#start}): a child's row is inserted with its first event and root token, and its
 * first step is queued (not run there, so the parent's lock is held briefly).
 */
@Component
public class NewChildExecutions {
  private final TokenStore tokens;
  private final WorkQueue queue;

  NewChildExecutions(TokenStore tokens, WorkQueue queue) {
    this.tokens = tokens;
    this.queue = queue;
  }

  /**
   * Starts the child {@code row} with {@code input}. Its root token stands at {@code root}, a
   * distributed Map's item processor, or, when null, at the start of the child's state machine,
   * whose own {@code TimeoutSeconds} is then armed.
   */
  public void start(ExecutionChange parent, ExecutionRow row, Token root, Object input) {
    parent.start(
        row,
        change -> {
          change.add(NewExecutions.started(row, input));
          Token position = root != null ? root : change.interpreter().startToken(input);
          int id = change.newTokenIds(1);
          var token = new TokenRow(id, null, null, TokenStatus.ACTIVE, position, null, 0, 0);
          var advance = new NewWork(row.id(), id, 0, WorkKinds.ADVANCE, parent.now(), null);
          // The root token's insert rides with its first work's.
          queue.enqueue(
              root == null ? NewExecutions.withTimeout(change, 0, advance) : List.of(advance),
              tokens.inserting(row.id(), token, null).write());
        });
  }
}
