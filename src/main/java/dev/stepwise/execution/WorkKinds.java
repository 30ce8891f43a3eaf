package dev.stepwise.execution;

/** The kinds of work item the execution module enqueues and handles. */
final class WorkKinds {
  /** Run the interpreter for a token (entering a state, or a timer that fired). */
  static final String STEP = "STEP";

  /** Send a Task's request, then record its outcome. */
  static final String TASK = "TASK";

  /** The execution's own {@code TimeoutSeconds} ran out. */
  static final String TIMEOUT = "TIMEOUT";

  private WorkKinds() {}
}
