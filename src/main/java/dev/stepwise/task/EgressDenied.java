package dev.stepwise.task;

/**
 * A call the egress policy refuses; nothing was sent. Tasks fail with {@link #ERROR}, which {@code
 * States.TaskFailed} and {@code States.ALL} match.
 */
public class EgressDenied extends RuntimeException {
  /** The error name a denied call fails its state with. */
  public static final String ERROR = "Stepwise.EgressDenied";

  EgressDenied(String message) {
    super(message, null, false, false);
  }
}
