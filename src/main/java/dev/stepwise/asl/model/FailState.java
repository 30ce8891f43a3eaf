package dev.stepwise.asl.model;

public record FailState(
    String name, String error, String errorPath, String cause, String causePath, Dataflow flow)
    implements State {
  @Override
  public String type() {
    return "Fail";
  }
}
