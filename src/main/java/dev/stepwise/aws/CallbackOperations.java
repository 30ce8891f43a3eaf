package dev.stepwise.aws;

import dev.stepwise.asl.Json;
import dev.stepwise.callback.TaskCallbacks;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat: the answers to a waiting Task state. */
@Component
class CallbackOperations implements OperationGroup {
  // Stepwise's task tokens: 256 random bits, base64url without padding.
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

  private final TaskCallbacks callbacks;

  CallbackOperations(TaskCallbacks callbacks) {
    this.callbacks = callbacks;
  }

  record SendTaskSuccessRequest(String taskToken, String output) {}

  record SendTaskFailureRequest(String taskToken, String error, String cause) {}

  record SendTaskHeartbeatRequest(String taskToken) {}

  record Empty() {}

  @Override
  public List<Operation<?>> operations() {
    return List.of(
        Operation.of("SendTaskSuccess", SendTaskSuccessRequest.class, this::success),
        Operation.of("SendTaskFailure", SendTaskFailureRequest.class, this::failure),
        Operation.of("SendTaskHeartbeat", SendTaskHeartbeatRequest.class, this::heartbeat));
  }

  private Empty success(SendTaskSuccessRequest request) {
    String token = token(request.taskToken());
    Checks.required("output", request.output());
    Checks.length("output", request.output(), 0, ExecutionInputs.MAX_INPUT);
    Object output;
    try {
      output = Json.parse(request.output());
    } catch (IllegalArgumentException e) {
      throw new AwsError("InvalidOutput", "Invalid Output: the output is not valid JSON");
    }
    callbacks.succeed(token, output);
    return new Empty();
  }

  private Empty failure(SendTaskFailureRequest request) {
    String token = token(request.taskToken());
    ExecutionInputs.errorAndCause(request.error(), request.cause());
    callbacks.fail(token, request.error(), request.cause());
    return new Empty();
  }

  private Empty heartbeat(SendTaskHeartbeatRequest request) {
    callbacks.heartbeat(token(request.taskToken()));
    return new Empty();
  }

  /** A token of another shape was never handed out here: AWS calls that an invalid token. */
  private static String token(String taskToken) {
    Checks.required("taskToken", taskToken);
    Checks.length("taskToken", taskToken, 1, 2048);
    if (!TOKEN.matcher(taskToken).matches()) {
      throw new AwsError(AwsError.INVALID_TOKEN, "Invalid Token: 'Invalid token'");
    }
    return taskToken;
  }
}
