package dev.stepwise.asl.model;

/** Where a state goes when it is done: {@code Next} or {@code End}. */
public record Transition(String next) {
  public static final Transition END = new Transition(null);

  public boolean isEnd() {
    return next == null;
  }
}
