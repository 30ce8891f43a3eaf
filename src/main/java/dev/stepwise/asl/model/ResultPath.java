package dev.stepwise.asl.model;

import dev.stepwise.asl.path.ReferencePath;

/**
 * Where a state's result goes in its input. {@code path == null} is an explicit JSON null (discard
 * the result, keep the input); the default {@code $} replaces the input.
 */
public record ResultPath(ReferencePath path) {
  public static final ResultPath DEFAULT = new ResultPath(ReferencePath.parse("$"));
  public static final ResultPath DISCARD = new ResultPath(null);
}
