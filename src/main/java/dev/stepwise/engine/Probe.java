package dev.stepwise.engine;

import java.time.Duration;
import java.util.Map;

/**
 * What an interpreter call reports of its work besides its step: the intermediate values of a state
 * and how its error handling went, for TestState ({@link StateTest}). Executions use {@link #NONE},
 * whose methods do nothing, so recording costs them one empty call per value already computed and
 * nothing else.
 */
interface Probe {
  Probe NONE = new Probe() {};

  /** A value the state computed on its way to its output. */
  default void record(Inspected field, Object value) {}

  /** The state failed with this error; Retry and Catch are about to be evaluated. */
  default void handling(String error, String cause) {}

  /** Retrier {@code index} matched the error and retries after {@code backoff}. */
  default void retrying(int index, Duration backoff) {}

  /** Retrier {@code index} matched the error but has no attempts left. */
  default void exhausted(int index) {}

  /** Catcher {@code index} took the error over. */
  default void caught(int index) {}

  /** The context object ({@code $$}) the state sees, given the one the interpreter built. */
  default Map<String, Object> context(Map<String, Object> built) {
    return built;
  }
}
