package dev.stepwise.asl.model;

import java.util.List;

/** One entry of a state's {@code Retry} field, with the specification's defaults applied. */
public record Retrier(
    List<String> errorEquals,
    double intervalSeconds,
    int maxAttempts,
    double backoffRate,
    Integer maxDelaySeconds,
    JitterStrategy jitterStrategy) {

  public enum JitterStrategy {
    NONE,
    FULL
  }
}
