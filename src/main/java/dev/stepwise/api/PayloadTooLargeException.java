package dev.stepwise.api;

import java.io.IOException;

/** A request body over the limit; thrown while the body is read. */
class PayloadTooLargeException extends IOException {
  PayloadTooLargeException(long limit) {
    super("Request bodies are limited to " + limit + " bytes");
  }
}
