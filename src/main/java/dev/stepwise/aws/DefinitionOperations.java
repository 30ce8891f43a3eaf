package dev.stepwise.aws;

import dev.stepwise.aws.StateMachineShapes.Diagnostic;
import dev.stepwise.aws.StateMachineShapes.ValidateRequest;
import dev.stepwise.aws.StateMachineShapes.ValidateResponse;
import dev.stepwise.statemachine.StateMachines;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * ValidateStateMachineDefinition: the diagnostics the native API gives, in AWS's shape. Stepwise
 * reports errors only (no warnings), so {@code severity} WARNING gives the same list.
 */
@Component
class DefinitionOperations implements OperationGroup {
  private final StateMachines stateMachines;

  DefinitionOperations(StateMachines stateMachines) {
    this.stateMachines = stateMachines;
  }

  @Override
  public List<Operation<?>> operations() {
    return List.of(
        Operation.of("ValidateStateMachineDefinition", ValidateRequest.class, this::validate));
  }

  private ValidateResponse validate(ValidateRequest request) {
    Checks.required("definition", request.definition());
    Checks.length("definition", request.definition(), 1, Definitions.MAX);
    Checks.oneOf("type", request.type(), Set.of("STANDARD", "EXPRESS"));
    Checks.oneOf("severity", request.severity(), Set.of("ERROR", "WARNING"));
    int max = Checks.pageSize(request.maxResults(), 100);
    JsonNode tree = Definitions.tree(request.definition());
    List<Diagnostic> diagnostics =
        tree == null
            ? List.of(
                new Diagnostic(
                    "ERROR", "INVALID_JSON_DESCRIPTION", "The definition is not valid JSON", null))
            : stateMachines.validate(tree).stream()
                .map(d -> new Diagnostic("ERROR", d.code(), d.message(), location(d.location())))
                .toList();
    boolean truncated = diagnostics.size() > max;
    return new ValidateResponse(
        diagnostics.isEmpty() ? "OK" : "FAIL",
        truncated ? diagnostics.subList(0, max) : diagnostics,
        truncated);
  }

  /** AWS locates a problem with a JSON pointer too; the root is "/" rather than "". */
  private static String location(String pointer) {
    return pointer == null || pointer.isEmpty() ? "/" : pointer;
  }
}
