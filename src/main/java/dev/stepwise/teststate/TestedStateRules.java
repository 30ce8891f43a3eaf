package dev.stepwise.teststate;

import dev.stepwise.asl.model.MapState;
import dev.stepwise.asl.model.ParallelState;
import dev.stepwise.asl.model.State;
import dev.stepwise.asl.model.StateMachine;
import dev.stepwise.asl.model.TaskState;
import dev.stepwise.engine.TaskResources;
import dev.stepwise.teststate.InvalidTestStateRequest.Kind;
import dev.stepwise.teststate.TestStateRequest.TestStateConfiguration;
import java.util.List;

/**
 * What a TestState request may ask of the state it tests, as AWS has it: a mock stands in for a
 * Task's call or a fork's children and for nothing else; Parallel and Map states, and Tasks that
 * wait for a callback, run only with one.
 */
final class TestedStateRules {
  private TestedStateRules() {}

  static void check(State state, TestStateInputs inputs, TestStateConfiguration configuration) {
    boolean forks = state instanceof ParallelState || state instanceof MapState;
    boolean task = state instanceof TaskState;
    if (inputs.mock() != null && !task && !forks) {
      throw invalid(
          "'mock' stands in for a Task's call or a Parallel's or Map's children; a "
              + state.type()
              + " state has none");
    }
    if (inputs.mock() == null && forks) {
      throw invalid("A " + state.type() + " state is tested with a 'mock' of its result or error");
    }
    if (inputs.mock() == null
        && state instanceof TaskState t
        && TaskResources.waitsForCallback(t.resource())) {
      throw invalid(
          "A Task that waits for a callback (.waitForTaskToken, an activity) is tested with a"
              + " 'mock' of its result or error");
    }
    if (forks && inputs.mockResult() != null && !(inputs.mockResult() instanceof List<?>)) {
      throw invalid("'mock.result' of a " + state.type() + " state must be a JSON array");
    }
    if (configuration == null) return;
    String causedBy = configuration.errorCausedByState();
    if (causedBy != null) {
      if (!forks || inputs.mock() == null || inputs.mock().errorOutput() == null) {
        throw invalid(
            "'stateConfiguration.errorCausedByState' goes with a mocked error of a Parallel or"
                + " Map state");
      }
      if (!inside(state, causedBy)) {
        throw invalid(
            "'stateConfiguration.errorCausedByState' names no state inside '"
                + state.name()
                + "': '"
                + causedBy
                + "'");
      }
    }
    if (configuration.mapIterationFailureCount() != null && !(state instanceof MapState)) {
      throw invalid("'stateConfiguration.mapIterationFailureCount' applies to Map states only");
    }
  }

  private static boolean inside(State state, String name) {
    return switch (state) {
      case ParallelState parallel ->
          parallel.branches().stream().anyMatch(branch -> holds(branch, name));
      case MapState map -> holds(map.itemProcessor(), name);
      default -> false;
    };
  }

  private static boolean holds(StateMachine machine, String name) {
    if (machine.states().containsKey(name)) return true;
    return machine.states().values().stream().anyMatch(state -> inside(state, name));
  }

  private static InvalidTestStateRequest invalid(String message) {
    return new InvalidTestStateRequest(Kind.VALIDATION, message);
  }
}
