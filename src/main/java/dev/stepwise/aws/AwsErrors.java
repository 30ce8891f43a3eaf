package dev.stepwise.aws;

import dev.stepwise.admission.ThrottledException;
import dev.stepwise.asl.Diagnostic;
import dev.stepwise.callback.ActivityNotFound;
import dev.stepwise.callback.TaskNotWaiting;
import dev.stepwise.callback.TaskTokenNotFound;
import dev.stepwise.database.DatabaseFailures;
import dev.stepwise.execution.PayloadOverLimit;
import dev.stepwise.failure.InvalidInput;
import dev.stepwise.lifecycle.ExecutionBusy;
import dev.stepwise.lifecycle.ExecutionConflict;
import dev.stepwise.lifecycle.ExecutionNotFound;
import dev.stepwise.lifecycle.InvalidPageToken;
import dev.stepwise.statemachine.AliasNotFound;
import dev.stepwise.statemachine.InvalidDefinitionException;
import dev.stepwise.statemachine.StateMachineConflict;
import dev.stepwise.statemachine.StateMachineNotFound;
import dev.stepwise.statemachine.VersionNotFound;
import dev.stepwise.teststate.InvalidTestStateRequest;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * The one place where the core's exceptions become AWS's error names. A few mean different things
 * to different operations (a conflict is {@code ExecutionAlreadyExists} to a start and {@code
 * ExecutionNotRedrivable} to a redrive), so the operation is part of the question.
 */
final class AwsErrors {
  private static final Logger log = LoggerFactory.getLogger(AwsErrors.class);
  private static final Set<String> RESOURCE_LISTS =
      Set.of("ListExecutions", "ListStateMachineAliases");

  private AwsErrors() {}

  static AwsError translate(String operation, RuntimeException e) {
    return switch (e) {
      case AwsError error -> error;
      case StateMachineNotFound x -> notFound(operation, x);
      case ExecutionNotFound x -> new AwsError(AwsError.EXECUTION_DOES_NOT_EXIST, x.getMessage());
      case ActivityNotFound x -> new AwsError(AwsError.ACTIVITY_DOES_NOT_EXIST, x.getMessage());
      case TaskTokenNotFound x -> new AwsError("TaskDoesNotExist", x.getMessage());
      case TaskNotWaiting x -> new AwsError("TaskTimedOut", "Task Timed Out: " + x.getMessage());
      case InvalidDefinitionException x ->
          new AwsError(AwsError.INVALID_DEFINITION, invalidDefinition(x.diagnostics()));
      case StateMachineConflict x ->
          new AwsError(
              operation.equals("CreateStateMachine")
                  ? "StateMachineAlreadyExists"
                  : AwsError.CONFLICT,
              x.getMessage());
      case InvalidTestStateRequest x -> invalidTest(x);
      case ExecutionConflict x -> new AwsError(conflict(operation), x.getMessage());
      case PayloadOverLimit x ->
          new AwsError(
              operation.equals("SendTaskSuccess") ? "InvalidOutput" : AwsError.VALIDATION,
              x.getMessage());
      case InvalidPageToken x ->
          new AwsError(AwsError.INVALID_TOKEN, "Invalid Token: " + x.getMessage());
      case ThrottledException x -> new AwsError("ThrottlingException", x.getMessage());
      case ExecutionBusy x -> new AwsError("ThrottlingException", x.getMessage());
      // The versions' and aliases' own checks, and any other input a module refuses.
      case InvalidInput x -> AwsError.validation(x.getMessage());
      case DataIntegrityViolationException x -> {
        log.warn("The database refused a wire request's data", x);
        yield AwsError.validation("The request's data could not be stored");
      }
      default -> unexpected(e);
    };
  }

  /**
   * A state machine, version or alias that is not there: {@code StateMachineDoesNotExist}, except
   * to the alias operations and to the lists that take a version or alias ARN, which answer {@code
   * ResourceNotFound}, as AWS does.
   */
  private static AwsError notFound(String operation, StateMachineNotFound x) {
    boolean qualified = x instanceof VersionNotFound || x instanceof AliasNotFound;
    if (operation.endsWith("StateMachineAlias")
        || (qualified && RESOURCE_LISTS.contains(operation))) {
      return new AwsError(
          AwsError.RESOURCE_NOT_FOUND,
          "Request references a resource that does not exist: " + x.getMessage());
    }
    return new AwsError(AwsError.STATE_MACHINE_DOES_NOT_EXIST, x.getMessage());
  }

  private static AwsError invalidTest(InvalidTestStateRequest x) {
    return switch (x.kind()) {
      case INVALID_DEFINITION ->
          new AwsError(
              AwsError.INVALID_DEFINITION,
              x.diagnostics().isEmpty() ? x.getMessage() : invalidDefinition(x.diagnostics()));
      case INVALID_INPUT -> new AwsError("InvalidExecutionInput", x.getMessage());
      case VALIDATION -> AwsError.validation(x.getMessage());
    };
  }

  private static String conflict(String operation) {
    return switch (operation) {
      case "RedriveExecution" -> "ExecutionNotRedrivable";
      case "StopExecution" -> AwsError.VALIDATION;
      default -> "ExecutionAlreadyExists";
    };
  }

  /** AWS's wording: every problem, with the JSON pointer of the field it concerns. */
  static String invalidDefinition(List<Diagnostic> diagnostics) {
    return "Invalid State Machine Definition: '"
        + diagnostics.stream()
            .map(d -> d.code() + ": " + d.message() + " at " + location(d))
            .collect(Collectors.joining(", "))
        + "'";
  }

  private static String location(Diagnostic d) {
    return d.location() == null || d.location().isEmpty() ? "/" : d.location();
  }

  private static AwsError unexpected(RuntimeException e) {
    if (DatabaseFailures.isUnavailable(e) || DatabaseFailures.isTransient(e)) {
      log.debug("Answered 503: {}", DatabaseFailures.describe(e));
      return new AwsError(
          "ServiceUnavailable", "The database is unavailable; try again later", 503);
    }
    log.error("A wire API request failed", e);
    return new AwsError(
        "InternalFailure",
        "The request could not be completed because of an internal error (logged by the service)",
        500);
  }
}
