package dev.stepwise.callback;

/** The kinds of work item the callbacks enqueue and handle: the timers of a wait for an answer. */
final class CallbackKinds {
  /**
   * A Task waiting for a callback reached its {@code TimeoutSeconds}; the payload is its task
   * token.
   */
  static final String CALLBACK_TIMEOUT = "CALLBACK_TIMEOUT";

  /** A Task waiting for a callback had no heartbeat for {@code HeartbeatSeconds}; ditto. */
  static final String HEARTBEAT_TIMEOUT = "HEARTBEAT_TIMEOUT";

  private CallbackKinds() {}
}
