package dev.stepwise.asl.model;

public record PassState(
    String name,
    IoPaths io,
    PayloadTemplate parameters,
    Object result,
    boolean hasResult,
    ResultPath resultPath,
    Transition transition,
    Dataflow flow)
    implements State {
  @Override
  public String type() {
    return "Pass";
  }
}
