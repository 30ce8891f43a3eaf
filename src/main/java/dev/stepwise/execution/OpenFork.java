package dev.stepwise.execution;

import dev.stepwise.engine.Fork;
import dev.stepwise.execution.TokenRow.TokenStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * A fork as one transaction sees it: its parent token, read once, the engine's {@link Fork}
 * counters as they stand after this transaction's decisions, and the children that ended in this
 * transaction, written together by {@link TokenStore#endChildren} rather than a round trip each. A
 * Map of pure states ends thousands of children in one transaction; reading the parent (whose input
 * holds every item) and updating its counter once per child made that quadratic.
 */
final class OpenFork {
  /** A child that ended: its status and its output (JSON; null for a failed iteration). */
  record ChildEnd(int id, TokenStatus status, String output) {}

  private final TokenRow parent;
  private Fork fork;
  private final List<ChildEnd> ended = new ArrayList<>();

  /** {@code parent} as it stands while its children run, and its fork's counters. */
  OpenFork(TokenRow parent, Fork fork) {
    this.parent = parent;
    this.fork = fork;
  }

  TokenRow parent() {
    return parent;
  }

  Fork fork() {
    return fork;
  }

  /** Records a child's end and the fork's counters after the engine decided on it. */
  void childEnded(ChildEnd end, Fork after) {
    ended.add(end);
    fork = after;
  }

  /** The ends not yet written; the list is emptied. */
  List<ChildEnd> takeEnded() {
    var taken = List.copyOf(ended);
    ended.clear();
    return taken;
  }
}
