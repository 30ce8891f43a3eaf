package dev.stepwise.asl.model;

public record FailState(String name, String error, String errorPath, String cause, String causePath)
    implements State {
  @Override
  public String type() {
    return "Fail";
  }
}
