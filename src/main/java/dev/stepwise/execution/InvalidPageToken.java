package dev.stepwise.execution;

/** A page token this service did not hand out (or that was altered). */
public class InvalidPageToken extends RuntimeException {
  public InvalidPageToken(String message) {
    super(message);
  }
}
