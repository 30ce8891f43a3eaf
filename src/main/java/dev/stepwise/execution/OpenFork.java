package dev.stepwise.execution;

import java.util.ArrayList;
import java.util.List;

/**
 * A fork (Parallel or inline Map) as one transaction sees it: its parent token, read once, how
 * many children are still open, and the children that ended in this transaction, written together
 * by {@link TokenStore#endChildren} rather than a round trip each. A Map of pure states ends
 * thousands of children in one transaction; reading the parent (whose input holds every item) and
 * updating its counter once per child made that quadratic.
 */
final class OpenFork {
  /** A child that ended: its status and, for a success, its output (JSON). */
  record ChildEnd(int id, TokenStatus status, String output) {}

  private final TokenRow parent;
  private int open;
  private boolean mayHavePending = true;
  private final List<ChildEnd> ended = new ArrayList<>();

  /** {@code parent} as it stands while its children run; its open-children count is current. */
  OpenFork(TokenRow parent) {
    this.parent = parent;
    this.open = parent.openChildren();
  }

  TokenRow parent() {
    return parent;
  }

  /** Records a child's end; returns how many children remain open. */
  int childEnded(int id, TokenStatus status, String output) {
    ended.add(new ChildEnd(id, status, output));
    return --open;
  }

  int open() {
    return open;
  }

  /** False once no child waits for a free slot (MaxConcurrency): none is looked for again. */
  boolean mayHavePending() {
    return mayHavePending;
  }

  void noMorePending() {
    mayHavePending = false;
  }

  /** The ends not yet written; the list is emptied. */
  List<ChildEnd> takeEnded() {
    var taken = List.copyOf(ended);
    ended.clear();
    return taken;
  }
}
