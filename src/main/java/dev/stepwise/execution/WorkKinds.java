package dev.stepwise.execution;

/**
 * The kinds of work item the execution core enqueues and handles (the features keep their own:
 * {@code callback}'s timers, {@code children}'s reports, aborts and starts).
 */
public final class WorkKinds {
  /**
   * Advance a token (entering a state, or a timer that fired). Stored as "STEP", the name it had
   * before "step" came to mean only the interpreter's {@code Step}: queued items keep it.
   */
  public static final String ADVANCE = "STEP";

  /**
   * Start the next children of a fork too large for one transaction; on the parent token, the
   * payload a {@link ForkWork}.
   */
  static final String FORK = "FORK";

  /** Send a Task's request, then record its outcome. */
  static final String TASK = "TASK";

  /** The execution's own {@code TimeoutSeconds} ran out. */
  static final String TIMEOUT = "TIMEOUT";

  private WorkKinds() {}
}
