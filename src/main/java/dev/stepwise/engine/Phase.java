package dev.stepwise.engine;

/** Where a token stands within its current state. */
public enum Phase {
  /** About to enter the state (a new token, or after a transition that had to yield). */
  ENTER,
  /** A Wait state's timer is armed; the token continues when it fires. */
  WAITING,
  /** A Task's request is out; the token continues with its outcome. */
  TASK,
  /** A retrier's backoff timer is armed; the state runs again when it fires. */
  RETRY,
  /** Parallel branches or Map iterations run as child tokens; the token continues at the join. */
  FORK
}
