package dev.stepwise.api;

import dev.stepwise.api.ApiRequests.Names;
import dev.stepwise.api.ApiRequests.Paging;
import dev.stepwise.asl.Json;
import dev.stepwise.execution.ExecutionRow.ExecutionStatus;
import dev.stepwise.lifecycle.ExecutionControl;
import dev.stepwise.lifecycle.ExecutionStarter;
import dev.stepwise.lifecycle.Executions;
import dev.stepwise.lifecycle.Executions.ExecutionView;
import dev.stepwise.lifecycle.Executions.HistoryEventView;
import dev.stepwise.security.Caller;
import dev.stepwise.statemachine.QualifiedName;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1")
class ExecutionController {
  private final ExecutionStarter starter;
  private final Executions executions;
  private final ExecutionControl control;

  ExecutionController(ExecutionStarter starter, Executions executions, ExecutionControl control) {
    this.starter = starter;
    this.executions = executions;
    this.control = control;
  }

  record ExecutionList(List<ExecutionView> items, String nextPageToken) {}

  record History(List<HistoryEventView> events, String nextPageToken) {}

  @PostMapping("/state-machines/{name}/executions")
  ResponseEntity<ExecutionView> start(
      @PathVariable String name,
      @RequestBody(required = false) ApiRequests.StartExecution request,
      @RequestParam(required = false) Integer waitSeconds) {
    if (waitSeconds != null && (waitSeconds < 0 || waitSeconds > 60)) {
      throw new BadRequestException("waitSeconds must be between 0 and 60");
    }
    String executionName = request == null ? null : request.name();
    if (executionName != null) Names.require(executionName, "'name'");
    Object input =
        request == null || request.input() == null
            ? new LinkedHashMap<String, Object>()
            : Json.fromNode(request.input());
    // {name}:{version} and {name}:{alias} start on a version or an alias, as AWS's qualified ARNs.
    var started =
        starter.start(QualifiedName.parse(name), executionName, input, Caller.current().name());
    ExecutionView view = started.execution();
    URI location = URI.create("/v1/executions/" + view.executionId());
    if (waitSeconds != null && waitSeconds > 0) {
      if (view.status() == ExecutionStatus.RUNNING) {
        view = executions.await(view.executionId(), Duration.ofSeconds(waitSeconds));
      }
      HttpStatus status =
          view.status() == ExecutionStatus.RUNNING ? HttpStatus.ACCEPTED : HttpStatus.OK;
      return ResponseEntity.status(status).location(location).body(view);
    }
    return started.created()
        ? ResponseEntity.created(location).body(view)
        : ResponseEntity.ok().location(location).body(view);
  }

  @GetMapping("/executions/{executionId}")
  ExecutionView describe(@PathVariable String executionId) {
    return executions.describe(executionId);
  }

  @GetMapping("/executions")
  ExecutionList list(
      @RequestParam(required = false) String stateMachine,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String parentExecution,
      @RequestParam(required = false) Integer pageSize,
      @RequestParam(required = false) String pageToken) {
    ExecutionStatus filter = null;
    if (status != null) {
      try {
        filter = ExecutionStatus.valueOf(status);
      } catch (IllegalArgumentException e) {
        throw new BadRequestException("Unknown status '" + status + "'");
      }
    }
    // A caller confined to a prefix sees the executions of its state machines only.
    String prefix = Caller.current().prefix();
    var page =
        executions.list(
            stateMachine, prefix, filter, parentExecution, pageToken, Paging.size(pageSize));
    return new ExecutionList(page.items(), page.nextPageToken());
  }

  @GetMapping("/executions/{executionId}/history")
  History history(
      @PathVariable String executionId,
      @RequestParam(required = false) Integer pageSize,
      @RequestParam(required = false) String pageToken,
      @RequestParam(defaultValue = "false") boolean reverse) {
    var page = executions.history(executionId, pageToken, Paging.size(pageSize), reverse);
    return new History(page.items(), page.nextPageToken());
  }

  @PostMapping("/executions/{executionId}/redrive")
  ExecutionView redrive(@PathVariable String executionId) {
    return control.redrive(executionId);
  }

  @PostMapping("/executions/{executionId}/stop")
  ExecutionView stop(
      @PathVariable String executionId,
      @RequestBody(required = false) ApiRequests.StopExecution request) {
    return control.stop(
        executionId,
        request == null ? null : request.error(),
        request == null ? null : request.cause(),
        Caller.current().name());
  }
}
