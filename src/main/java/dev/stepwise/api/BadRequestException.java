package dev.stepwise.api;

/** A request whose fields are wrong; the message says which and why. */
class BadRequestException extends RuntimeException {
  BadRequestException(String message) {
    super(message);
  }
}
