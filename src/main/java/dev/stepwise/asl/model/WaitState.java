package dev.stepwise.asl.model;

/** A Wait state: exactly one of the four ways of saying how long is set. */
public record WaitState(
    String name,
    IoPaths io,
    Long seconds,
    String timestamp,
    String secondsPath,
    String timestampPath,
    Transition transition,
    Dataflow flow)
    implements State {
  @Override
  public String type() {
    return "Wait";
  }
}
