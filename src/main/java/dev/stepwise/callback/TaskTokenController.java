package dev.stepwise.callback;

import dev.stepwise.api.BadRequestException;
import dev.stepwise.asl.Json;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The answers to Task states waiting for a callback (API.md §1, Callbacks). */
@RestController
@RequestMapping("/v1/task-tokens")
class TaskTokenController {
  // AWS's limits on SendTaskFailure.
  private static final int MAX_ERROR = 256;
  private static final int MAX_CAUSE = 32_768;

  private final TaskCallbacks callbacks;

  TaskTokenController(TaskCallbacks callbacks) {
    this.callbacks = callbacks;
  }

  record Success(String taskToken, JsonNode output) {}

  record Failure(String taskToken, String error, String cause) {}

  record Heartbeat(String taskToken) {}

  @PostMapping("/success")
  Map<String, Object> success(@RequestBody Success request) {
    callbacks.succeed(
        token(request.taskToken()),
        request.output() == null ? null : Json.fromNode(request.output()));
    return Map.of();
  }

  @PostMapping("/failure")
  Map<String, Object> failure(@RequestBody Failure request) {
    if (request.error() != null && request.error().length() > MAX_ERROR) {
      throw new BadRequestException("'error' is longer than " + MAX_ERROR + " characters");
    }
    if (request.cause() != null && request.cause().length() > MAX_CAUSE) {
      throw new BadRequestException("'cause' is longer than " + MAX_CAUSE + " characters");
    }
    callbacks.fail(token(request.taskToken()), request.error(), request.cause());
    return Map.of();
  }

  @PostMapping("/heartbeat")
  Map<String, Object> heartbeat(@RequestBody Heartbeat request) {
    callbacks.heartbeat(token(request.taskToken()));
    return Map.of();
  }

  private static String token(String taskToken) {
    if (taskToken == null || taskToken.isBlank()) {
      throw new BadRequestException("'taskToken' is required");
    }
    return taskToken;
  }
}
