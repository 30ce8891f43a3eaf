package dev.stepwise.asl.model;

import java.util.List;

public record ParallelState(
    String name,
    IoPaths io,
    List<StateMachine> branches,
    PayloadTemplate parameters,
    PayloadTemplate resultSelector,
    ResultPath resultPath,
    ErrorHandling errors,
    Transition transition,
    Dataflow flow)
    implements State {
  @Override
  public String type() {
    return "Parallel";
  }
}
