package dev.stepwise.execution;

import dev.stepwise.execution.ExecutionRow.ExecutionStatus;
import java.util.List;

/**
 * Child executions, as the core asks for them: a distributed Map's fork starts and aborts them, a
 * stopped parent aborts the children it waits for, and an execution that ends reports to the parent
 * token waiting for it, if any. The core defines this; the feature that runs child executions
 * implements it ({@code children.Children}), so the core names no feature.
 */
public interface ChildExecutions {
  /** How a child ended, as it reports to its parent. */
  record Report(ExecutionStatus status, Object output, String error, String cause) {}

  /** Starts the child execution that {@code waiting}, a token of the parent's fork, stands for. */
  void start(ExecutionChange parent, TokenRow waiting, String label);

  /** Asks the running children that the given tokens of the parent wait for to abort. */
  int abort(ExecutionChange parent, List<Integer> tokenIds);

  /**
   * Asks every running child the parent waits for to abort (the parent stopped), and records what
   * that means in the parent's history.
   */
  void abortAll(ExecutionChange parent);

  /**
   * An execution a parent token waits for ({@link ExecutionRow#reportsToParent}) ended: it tells
   * its parent. The core calls it for those executions only.
   */
  void reportEnd(ExecutionChange child, Report report);
}
