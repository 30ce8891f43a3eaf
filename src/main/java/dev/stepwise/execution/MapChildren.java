package dev.stepwise.execution;

import java.util.List;

/**
 * The child executions of distributed Maps, as the core asks for them: the fork starts and aborts
 * them, and an execution that ends reports to its parent if it has one. The core defines this; the
 * distributed Map feature implements it ({@code maprun.ChildExecutions}), so the core names no
 * feature.
 */
public interface MapChildren {
  /** How a child ended, as it reports to its parent. */
  record Report(ExecutionStatus status, Object output, String error, String cause) {}

  /** Starts the child execution that {@code waiting}, a token of the parent's fork, stands for. */
  void start(ExecutionChange parent, TokenRow waiting, String label);

  /** Asks the running children that the given tokens of the parent stand for to abort. */
  int abort(ExecutionChange parent, List<Integer> tokenIds);

  /** Asks every running child of the parent to abort (the parent stopped); returns how many. */
  int abortAll(ExecutionChange parent);

  /** An execution ended: if it is a child, it tells its parent. */
  void reportEnd(ExecutionChange child, Report report);
}
