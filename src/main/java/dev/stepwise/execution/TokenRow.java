package dev.stepwise.execution;

import dev.stepwise.engine.Token;

/**
 * A stored token: its place in the fork tree, status ({@link TokenStatus}), the interpreter's
 * position, a finished child's output, and how many children are still open.
 */
public record TokenRow(
    int id,
    Integer parentId,
    Integer childIndex,
    TokenStatus status,
    Token position,
    String output,
    int openChildren,
    int version) {

  /** This token moved to {@code newPosition}, nothing else changed. */
  TokenRow at(Token newPosition) {
    return new TokenRow(
        id, parentId, childIndex, status, newPosition, output, openChildren, version);
  }

  /** A token's lifecycle: PENDING (a Map iteration waiting for a slot) → ACTIVE → an end. */
  public enum TokenStatus {
    PENDING,
    ACTIVE,
    SUCCEEDED,
    FAILED,
    CANCELLED
  }
}
