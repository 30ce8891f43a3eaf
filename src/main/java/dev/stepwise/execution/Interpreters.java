package dev.stepwise.execution;

import dev.stepwise.engine.Interpreter;
import dev.stepwise.statemachine.StateMachines;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** One interpreter per state machine revision, built once: revisions never change. */
@Component
class Interpreters {
  private final StateMachines stateMachines;
  private final Map<String, Interpreter> cache = new ConcurrentHashMap<>();

  Interpreters(StateMachines stateMachines) {
    this.stateMachines = stateMachines;
  }

  Interpreter get(String stateMachine, int revision) {
    return cache.computeIfAbsent(
        stateMachine + "\u0000" + revision,
        k -> new Interpreter(stateMachines.parsed(stateMachine, revision)));
  }
}
