package dev.stepwise.console;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** What an execution's page reads beyond the REST API: its states' statuses, live. */
@RestController
@RequestMapping("/console/api/executions/{executionId}")
class ExecutionPageController {
  private final ExecutionReads reads;
  private final ExecutionStream stream;

  ExecutionPageController(ExecutionReads reads, ExecutionStream stream) {
    this.reads = reads;
    this.stream = stream;
  }

  @GetMapping("/states")
  ExecutionStates states(@PathVariable String executionId) {
    var folded = reads.fold(executionId);
    return ExecutionStates.of(executionId, folded.progress(), folded.fold());
  }

  @GetMapping("/states/{state}")
  StateDetail state(
      @PathVariable String executionId,
      @PathVariable String state,
      @RequestParam(defaultValue = "0") int offset,
      @RequestParam(defaultValue = "10") int pageSize,
      @RequestParam(defaultValue = "0") int iterationOffset) {
    if (pageSize < 1 || pageSize > 100) {
      throw new IllegalArgumentException("pageSize must be between 1 and 100");
    }
    var folded = reads.fold(executionId);
    return StateDetail.of(
        folded.fold(),
        state,
        folded.outline().type(state),
        Math.max(0, offset),
        pageSize,
        Math.max(0, iterationOffset));
  }

  @GetMapping(value = "/stream", produces = "text/event-stream")
  SseEmitter stream(@PathVariable String executionId) {
    return stream.open(executionId);
  }
}
