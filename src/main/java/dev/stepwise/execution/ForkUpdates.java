package dev.stepwise.execution;

import dev.stepwise.engine.Fork;
import dev.stepwise.engine.Phase;
import dev.stepwise.engine.Token;
import dev.stepwise.execution.TokenRow.TokenStatus;
import org.springframework.stereotype.Component;

/**
 * A distributed Map's concurrency and tolerated failures change while its children run (AWS's
 * UpdateMapRun): the engine's {@link Fork#update} decides which waiting children start and whether
 * the Map fails; this keeps the new plan in the forking token (so that it holds after a restart and
 * for every later decision) and carries the decision out as {@link ForkJoin} does a child's end.
 */
@Component
class ForkUpdates {
  private final TokenStore tokens;
  private final ForkJoin forks;

  ForkUpdates(TokenStore tokens, ForkJoin forks) {
    this.tokens = tokens;
    this.forks = forks;
  }

  /**
   * Updates the distributed Map whose first child is token {@code firstChildId}; a null setting
   * stays as it is. Returns the plan it runs with now, or null when that Map's fork is over (its
   * children's tokens are gone) or the token is no distributed Map's child.
   */
  Fork.Plan update(
      ExecutionChange change,
      int firstChildId,
      Integer maxConcurrency,
      Long toleratedFailureCount,
      Double toleratedFailurePercentage,
      ForkJoin.Steps steps) {
    var id = change.executionId();
    TokenRow first = tokens.find(id, firstChildId).orElse(null);
    if (first == null || first.parentId() == null || !Integer.valueOf(0).equals(first.childIndex()))
      return null;
    TokenRow parent = tokens.find(id, first.parentId()).orElse(null);
    if (parent == null
        || parent.status() != TokenStatus.ACTIVE
        || parent.position() == null
        || parent.position().phase() != Phase.FORK) {
      return null;
    }
    OpenFork loaded = forks.load(change, parent);
    if (loaded.fork().plan().kind() != Fork.Kind.DISTRIBUTED_MAP) return null;
    Fork.Plan changed =
        loaded
            .fork()
            .plan()
            .with(maxConcurrency, toleratedFailureCount, toleratedFailurePercentage);
    Fork.Decision decision = loaded.fork().update(changed);
    Token position = change.interpreter().withForkPlan(parent.position(), changed);
    tokens.rewrite(id, parent.id(), position);
    var open = new OpenFork(parent.at(position), decision.fork());
    change.forks().put(parent.id(), open);
    change.addAll(decision.events());
    forks.activate(change, open, decision.start());
    if (decision.next() == Fork.Next.FAIL) forks.fail(change, open, firstChildId, decision, steps);
    return changed;
  }
}
