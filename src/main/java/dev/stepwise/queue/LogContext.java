package dev.stepwise.queue;

import org.slf4j.MDC;

/**
 * The keys every log line about an execution carries, in the logging MDC (so that plain and
 * structured logs show them). An execution's scope is opened where work for it runs ({@link
 * LocalWork} for queued work, the transactions of the API's requests) and puts back what was there
 * when it closes, since threads are reused; inside it, the state is set once known and stays until
 * the scope closes, so that a failure logged after the work returned still names its state.
 */
public final class LogContext {
  /** The execution the work is for. */
  public static final String EXECUTION_ID = "executionId";

  /** The state the work is in, once known. */
  public static final String STATE_NAME = "stateName";

  private LogContext() {}

  /** An execution's log context, until {@link #close}. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Opens the log context of {@code executionId}: until the scope closes, log lines carry it (and
   * the state, once {@link #state} names it). Within the same execution's scope it changes nothing.
   */
  public static Scope execution(String executionId) {
    if (executionId == null || executionId.equals(MDC.get(EXECUTION_ID))) return () -> {};
    String previousExecution = MDC.get(EXECUTION_ID);
    String previousState = MDC.get(STATE_NAME);
    MDC.put(EXECUTION_ID, executionId);
    MDC.remove(STATE_NAME);
    return () -> {
      restore(EXECUTION_ID, previousExecution);
      restore(STATE_NAME, previousState);
    };
  }

  /** Names the state the current execution's work is in, until its scope closes. */
  public static void state(String stateName) {
    if (stateName != null && MDC.get(EXECUTION_ID) != null) MDC.put(STATE_NAME, stateName);
  }

  private static void restore(String key, String value) {
    if (value == null) MDC.remove(key);
    else MDC.put(key, value);
  }
}
