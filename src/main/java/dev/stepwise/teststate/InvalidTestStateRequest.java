package dev.stepwise.teststate;

import dev.stepwise.asl.Diagnostic;
import java.util.List;

/**
 * A TestState request that cannot run: the message says which field is wrong and why; {@link
 * #diagnostics} lists a definition's problems.
 */
public class InvalidTestStateRequest extends RuntimeException {

  /** What is wrong, in the terms of AWS's TestState errors. */
  public enum Kind {
    /** The definition (AWS: {@code InvalidDefinition}). */
    INVALID_DEFINITION,
    /** The input (AWS: {@code InvalidExecutionInput}). */
    INVALID_INPUT,
    /** Any other field, or fields that do not go together (AWS: {@code ValidationException}). */
    VALIDATION
  }

  private final Kind kind;
  private final List<Diagnostic> diagnostics;

  public InvalidTestStateRequest(Kind kind, String message) {
    this(kind, message, List.of());
  }

  public InvalidTestStateRequest(Kind kind, String message, List<Diagnostic> diagnostics) {
    super(message);
    this.kind = kind;
    this.diagnostics = List.copyOf(diagnostics);
  }

  public Kind kind() {
    return kind;
  }

  /** The definition's problems, each with a JSON pointer into it; empty for other kinds. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
