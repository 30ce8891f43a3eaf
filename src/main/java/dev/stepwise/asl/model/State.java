package dev.stepwise.asl.model;

/** One state of a state machine, as parsed and validated. */
public sealed interface State
    permits PassState,
        TaskState,
        ChoiceState,
        WaitState,
        SucceedState,
        FailState,
        ParallelState,
        MapState {

  String name();

  /** The value of the state's {@code Type} field. */
  String type();

  /** The AWS history event name prefix for this state type ("Pass", "Task", "Map", ...). */
  default String eventPrefix() {
    return type();
  }
}
