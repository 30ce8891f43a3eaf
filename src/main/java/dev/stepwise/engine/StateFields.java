package dev.stepwise.engine;

import dev.stepwise.asl.model.ErrorHandling;
import dev.stepwise.asl.model.MapState;
import dev.stepwise.asl.model.ParallelState;
import dev.stepwise.asl.model.PassState;
import dev.stepwise.asl.model.State;
import dev.stepwise.asl.model.TaskState;
import dev.stepwise.asl.model.Transition;
import dev.stepwise.asl.model.WaitState;

/** Fields that several state types share, read from any state. */
final class StateFields {
  private StateFields() {}

  /** {@code Retry} and {@code Catch}: only Task, Parallel and Map states have them. */
  static ErrorHandling errors(State state) {
    return switch (state) {
      case TaskState t -> t.errors();
      case ParallelState p -> p.errors();
      case MapState m -> m.errors();
      default -> ErrorHandling.NONE;
    };
  }

  static Transition transition(State state) {
    return switch (state) {
      case PassState s -> s.transition();
      case TaskState s -> s.transition();
      case WaitState s -> s.transition();
      case ParallelState s -> s.transition();
      case MapState s -> s.transition();
      default -> Transition.END;
    };
  }
}
