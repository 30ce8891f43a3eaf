package dev.stepwise.execution;

/** An input or output larger than the payload limit; nothing was written. */
public class PayloadOverLimit extends RuntimeException {
  public PayloadOverLimit(String message) {
    super(message);
  }
}
