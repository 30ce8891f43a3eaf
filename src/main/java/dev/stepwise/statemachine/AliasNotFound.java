package dev.stepwise.statemachine;

/** The state machine exists but has no alias of that name. */
public class AliasNotFound extends StateMachineNotFound {
  public AliasNotFound(String stateMachine, String alias) {
    super("State machine '" + stateMachine + "' has no alias '" + alias + "'");
  }
}
