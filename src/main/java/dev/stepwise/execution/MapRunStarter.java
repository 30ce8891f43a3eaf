package dev.stepwise.execution;

import dev.stepwise.engine.Effect;
import dev.stepwise.engine.Event;
import dev.stepwise.engine.Token;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Starts a distributed Map's run in the parent's transaction: one waiting token per child (the
 * parent's record of it, which takes the child's output when it reports), and a child execution
 * for each of the first {@code MaxConcurrency}; the rest start as others end.
 */
@Component
class MapRunStarter {
  private final TokenStore tokens;
  private final ChildExecutions children;

  MapRunStarter(TokenStore tokens, ChildExecutions children) {
    this.tokens = tokens;
    this.children = children;
  }

  void start(Session session, TokenRow mapRow, Token mapToken, Effect.StartMapRun run) {
    List<Token> roots = run.children();
    int count = roots.size();
    int active = run.maxConcurrency() == 0 ? count : Math.min(count, run.maxConcurrency());
    int first = session.newTokenIds(count);
    tokens.insertChildren(session.executionId(), mapRow.id(), first, roots, active);
    session.add(
        new Event(
            "MapRunStarted",
            StepApplier.details(
                "name", mapToken.state(), "label", run.run().label(), "length", count,
                "maxConcurrency", run.maxConcurrency())));
    for (int i = 0; i < active; i++) {
      var waiting = new TokenRow(first + i, mapRow.id(), i, TokenStatus.ACTIVE, roots.get(i), null, 0, 0);
      children.start(session, waiting, run.run().label());
    }
  }

  /** Starts the child of a waiting token that a free slot just activated. */
  void startNext(Session session, TokenRow waiting, String label) {
    children.start(session, waiting, label);
  }
}
