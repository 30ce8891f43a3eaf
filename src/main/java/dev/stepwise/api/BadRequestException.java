package dev.stepwise.api;

/** A request whose fields are wrong; the message says which and why. */
public class BadRequestException extends RuntimeException {
  public BadRequestException(String message) {
    super(message);
  }
}
