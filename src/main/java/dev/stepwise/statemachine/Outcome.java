package dev.stepwise.statemachine;

/** How a create or update went. */
public enum Outcome {
  CREATED,
  UNCHANGED,
  UPDATED
}
