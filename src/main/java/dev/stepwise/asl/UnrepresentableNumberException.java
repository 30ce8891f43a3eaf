package dev.stepwise.asl;

import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.StreamReadException;

/**
 * A JSON number a 64-bit float cannot hold exactly: read anyway it would become Infinity, 0 or a
 * rounded value, so it is refused instead. The message is meant for the client that sent it.
 */
public final class UnrepresentableNumberException extends StreamReadException {
  private UnrepresentableNumberException(JsonParser parser, String message) {
    super(parser, message);
  }

  static UnrepresentableNumberException outOfRange(JsonParser parser, String number) {
    return new UnrepresentableNumberException(
        parser,
        "The number "
            + number
            + " is out of range: numbers are 64-bit floats, from about 4.9e-324 to 1.8e308 in size");
  }

  static UnrepresentableNumberException tooPrecise(JsonParser parser, String number) {
    return new UnrepresentableNumberException(
        parser,
        "The number "
            + number
            + " has more significant digits than a 64-bit float keeps (about 17) and would be"
            + " rounded; send it as a string to keep it exact");
  }

  /** The message alone, without the location Jackson appends. */
  public String plainMessage() {
    return getOriginalMessage();
  }
}
