package dev.stepwise.statemachine;

/** The state machine exists but has no such version (never published, or deleted). */
public class VersionNotFound extends StateMachineNotFound {
  public VersionNotFound(String stateMachine, String version) {
    super("State machine '" + stateMachine + "' has no version " + version);
  }
}
