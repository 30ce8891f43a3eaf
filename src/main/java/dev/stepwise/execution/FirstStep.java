package dev.stepwise.execution;

import dev.stepwise.engine.Event;
import dev.stepwise.engine.Token;
import org.springframework.stereotype.Component;

/**
 * Puts a just-inserted execution to work inside its inserting transaction: the first event, the
 * root token, the execution's timeout, and the first step, all written together.
 */
@Component
class FirstStep {
  private final ExecutionTransactions transactions;
  private final TokenStore tokens;
  private final StepApplier applier;
  private final ExecutionTimeouts timeouts;

  FirstStep(
      ExecutionTransactions transactions,
      TokenStore tokens,
      StepApplier applier,
      ExecutionTimeouts timeouts) {
    this.transactions = transactions;
    this.tokens = tokens;
    this.applier = applier;
    this.timeouts = timeouts;
  }

  Session run(ExecutionRow row, Event started, Object input) {
    Session session = transactions.open(row);
    session.add(started);
    Token start = session.interpreter().startToken(input);
    var root = new TokenRow(1, null, null, TokenStatus.ACTIVE, start, null, 0, 0);
    tokens.insert(row.id(), root);
    timeouts.arm(session, 0);
    applier.apply(
        session,
        root,
        Decisions.decide(
            Decisions.ADVANCE,
            session,
            root));
    transactions.flush(session);
    return session;
  }
}
