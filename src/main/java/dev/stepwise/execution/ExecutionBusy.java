package dev.stepwise.execution;

/** The execution's row stayed locked (a long step) longer than a request may wait; try again. */
public class ExecutionBusy extends RuntimeException {
  public ExecutionBusy(String message) {
    super(message);
  }
}
