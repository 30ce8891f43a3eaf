package dev.stepwise.asl.model;

/**
 * InputPath and OutputPath. Absent means {@code $}; an explicit JSON null is kept as Java null,
 * which the spec defines as "discard": the state sees (or emits) an empty object.
 */
public record IoPaths(String inputPath, String outputPath) {
  public static final IoPaths DEFAULT = new IoPaths("$", "$");
}
