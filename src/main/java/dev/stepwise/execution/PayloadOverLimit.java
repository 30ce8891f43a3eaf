package dev.stepwise.execution;

import dev.stepwise.failure.OverLimit;

/** An input or output larger than the payload limit; nothing was written. */
public class PayloadOverLimit extends OverLimit {
  public PayloadOverLimit(String message) {
    super(message);
  }
}
