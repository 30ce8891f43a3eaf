package dev.stepwise.aws;

import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Says in a client's words why a request body could not be read ({@code SerializationException}).
 */
final class SerializationProblems {
  private SerializationProblems() {}

  static String describe(JacksonException e) {
    if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      String field =
          mismatch.getPath().stream()
              .map(
                  r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining("."));
      return "Unexpected value type for '" + field + "'";
    }
    String message = String.valueOf(e.getOriginalMessage());
    int marker = message.indexOf(" (start marker at");
    if (marker >= 0) message = message.substring(0, marker);
    return "Malformed JSON request: " + message.replace("`", "'");
  }
}
