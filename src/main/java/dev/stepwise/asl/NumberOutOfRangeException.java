package dev.stepwise.asl;

import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.StreamReadException;

/**
 * A JSON number a 64-bit float cannot hold: read anyway it would become Infinity or 0, so it is
 * refused instead. The message is meant for the client that sent it.
 */
public final class NumberOutOfRangeException extends StreamReadException {
  NumberOutOfRangeException(JsonParser parser, String number) {
    super(
        parser,
        "The number "
            + number
            + " is out of range: numbers are 64-bit floats, from about 4.9e-324 to 1.8e308 in size");
  }

  /** The message alone, without the location Jackson appends. */
  public String plainMessage() {
    return getOriginalMessage();
  }
}
