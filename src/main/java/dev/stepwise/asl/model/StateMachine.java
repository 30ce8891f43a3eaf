package dev.stepwise.asl.model;

import java.util.Map;

/**
 * A parsed state machine, or a Parallel branch, or a Map's item processor: all three have {@code
 * StartAt} and {@code States}. {@code timeoutSeconds} is null when unset.
 */
public record StateMachine(String startAt, Map<String, State> states, Integer timeoutSeconds) {

  public State state(String name) {
    State state = states.get(name);
    if (state == null) throw new IllegalArgumentException("no state named '" + name + "'");
    return state;
  }
}
