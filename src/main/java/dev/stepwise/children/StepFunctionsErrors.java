package dev.stepwise.children;

import dev.stepwise.engine.TaskOutcome;
import java.util.UUID;

/**
 * The errors AWS's Step Functions service answers a {@code StartExecution} with, as a Task that
 * called it fails: {@code StepFunctions.<Code>Exception}, and for the cause the service's message
 * with the SDK's description of the call, so that definitions catching them by name work unchanged.
 */
final class StepFunctionsErrors {
  private StepFunctionsErrors() {}

  static TaskOutcome.Failed stateMachineDoesNotExist(String arn) {
    return of("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
  }

  static TaskOutcome.Failed executionAlreadyExists(String arn) {
    return of("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'");
  }

  static TaskOutcome.Failed invalidArn(String message) {
    return of("InvalidArn", message);
  }

  static TaskOutcome.Failed invalidName(String name) {
    return of("InvalidName", "Invalid Name: '" + name + "'");
  }

  static TaskOutcome.Failed invalidExecutionInput(String message) {
    return of("InvalidExecutionInput", message);
  }

  private static TaskOutcome.Failed of(String code, String message) {
    return new TaskOutcome.Failed(
        "StepFunctions." + code + "Exception",
        message
            + " (Service: AWSStepFunctions; Status Code: 400; Error Code: "
            + code
            + "; Request ID: "
            + UUID.randomUUID()
            + "; Proxy: null)");
  }
}
