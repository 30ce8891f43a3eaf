package dev.stepwise.execution;

/**
 * A feature told, inside the transaction, that an execution was stopped from outside its states
 * (stopped, timed out, over a limit; see {@link Termination}): what it handed out is void now.
 */
public interface StopHandler {
  void stopped(ExecutionChange change);
}
