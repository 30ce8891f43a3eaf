package dev.stepwise.task;

/**
 * A connection's credentials could not be had; nothing was sent. An unknown connection is a {@code
 * States.Runtime} error; a token endpoint that fails is {@link #ERROR}, which {@code
 * States.TaskFailed} matches, so that a Retry can wait for it.
 */
class ConnectionFailure extends RuntimeException {
  static final String ERROR = "Stepwise.ConnectionFailed";

  private final String error;

  ConnectionFailure(String error, String message) {
    super(message, null, false, false);
    this.error = error;
  }

  String error() {
    return error;
  }
}
