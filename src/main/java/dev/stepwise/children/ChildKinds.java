package dev.stepwise.children;

/** The kinds of work item between a parent execution and its child executions. */
final class ChildKinds {
  /** A child execution ended; on the parent, for the token that waits for it. */
  static final String CHILD_DONE = "CHILD_DONE";

  /** Abort a child execution whose parent stopped or no longer waits for it. */
  static final String ABORT_CHILD = "ABORT_CHILD";

  /**
   * Start the execution a {@code states:startExecution} Task asks for; on the parent, for the token
   * in the Task state, its payload the Task's request.
   */
  static final String START_CHILD = "START_CHILD";

  /**
   * A {@code states:startExecution.waitForTaskToken} Task started its execution: the task token is
   * out, and the state waits for its answer. On the parent's token; the payload a {@link
   * StartedForCallback}.
   */
  static final String CHILD_STARTED = "CHILD_STARTED";

  /** A {@code .sync} Task's {@code TimeoutSeconds} ran out before its child ended. */
  static final String CHILD_TIMEOUT = "CHILD_TIMEOUT";

  private ChildKinds() {}
}
