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

  /** The state's query language, {@code Assign}, {@code Output} and other JSONata fields. */
  Dataflow flow();

  /** The value of the state's {@code Type} field. */
  String type();

  /** The AWS history event name prefix for this state type ("Pass", "Task", "Map", ...). */
  default String eventPrefix() {
    return type();
  }
}
