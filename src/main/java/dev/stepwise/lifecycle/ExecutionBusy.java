package dev.stepwise.lifecycle;

import dev.stepwise.failure.Busy;

/** The execution's row stayed locked (a long step) longer than a request may wait; try again. */
public class ExecutionBusy extends Busy {
  ExecutionBusy(String message) {
    super(message);
  }
}
