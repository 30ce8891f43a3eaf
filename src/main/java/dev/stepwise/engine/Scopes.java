package dev.stepwise.engine;

import dev.stepwise.asl.model.MapState;
import dev.stepwise.asl.model.ParallelState;
import dev.stepwise.asl.model.State;
import dev.stepwise.asl.model.StateMachine;
import java.util.HashMap;
import java.util.Map;

/**
 * Names every state machine inside a definition: {@code ""} for the top level, {@code "P#i"} for
 * branch {@code i} of Parallel state {@code P}, {@code "M"} for Map state {@code M}'s item
 * processor. State names are unique across a definition, so these names are too.
 */
final class Scopes {
  static final String ROOT = "";

  private final Map<String, StateMachine> byName = new HashMap<>();

  Scopes(StateMachine root) {
    add(ROOT, root);
  }

  private void add(String name, StateMachine machine) {
    byName.put(name, machine);
    for (State state : machine.states().values()) {
      if (state instanceof ParallelState p) {
        for (int i = 0; i < p.branches().size(); i++) add(branch(p.name(), i), p.branches().get(i));
      } else if (state instanceof MapState m) {
        add(m.name(), m.itemProcessor());
      }
    }
  }

  static String branch(String parallelState, int index) {
    return parallelState + "#" + index;
  }

  /** The scope that holds the state named {@code stateName}, or null when none does. */
  String scopeOf(String stateName) {
    for (var entry : byName.entrySet()) {
      if (entry.getValue().states().containsKey(stateName)) return entry.getKey();
    }
    return null;
  }

  StateMachine get(String scope) {
    StateMachine machine = byName.get(scope);
    if (machine == null) throw new IllegalArgumentException("no scope '" + scope + "'");
    return machine;
  }
}
