package dev.stepwise.asl.intrinsic;

/** An intrinsic function expression that cannot be parsed; {@code position} is a 0-based index. */
public final class IntrinsicSyntaxException extends RuntimeException {
  private final int position;

  IntrinsicSyntaxException(String message, int position) {
    super(message + " at position " + position, null, false, false);
    this.position = position;
  }

  public int position() {
    return position;
  }
}
