package dev.stepwise.statemachine;

import dev.stepwise.asl.Diagnostic;
import dev.stepwise.failure.InvalidInput;
import java.util.List;

/** A definition that does not validate, with every problem found. */
public class InvalidDefinitionException extends InvalidInput {
  private final List<Diagnostic> diagnostics;

  public InvalidDefinitionException(List<Diagnostic> diagnostics) {
    super("Invalid state machine definition: " + diagnostics.getFirst().message());
    this.diagnostics = diagnostics;
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
