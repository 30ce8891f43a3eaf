package dev.stepwise.asl.model;

public record SucceedState(String name, IoPaths io, Dataflow flow) implements State {
  @Override
  public String type() {
    return "Succeed";
  }

  @Override
  public String eventPrefix() {
    return "Succeed";
  }
}
