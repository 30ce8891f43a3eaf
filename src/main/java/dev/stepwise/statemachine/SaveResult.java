package dev.stepwise.statemachine;

/** How a create or update went. */
public enum SaveResult {
  CREATED,
  UNCHANGED,
  UPDATED
}
