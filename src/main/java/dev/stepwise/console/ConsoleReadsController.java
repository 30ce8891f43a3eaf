package dev.stepwise.console;

import dev.stepwise.asl.Json;
import java.time.Instant;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console's read endpoints for what the REST API does not answer: a definition as a laid-out
 * graph, the state machines with their running executions and last outcome, executions filtered by
 * start time, the Task states waiting for an answer, and the overview's figures.
 */
@RestController
@RequestMapping("/console/api")
class ConsoleReadsController {
  static final int MAX_PAGE = 200;

  private final StateMachineRows stateMachines;
  private final ExecutionRows executions;
  private final WaitingTasks waiting;
  private final OverviewFigures overview;

  ConsoleReadsController(
      StateMachineRows stateMachines,
      ExecutionRows executions,
      WaitingTasks waiting,
      OverviewFigures overview) {
    this.stateMachines = stateMachines;
    this.executions = executions;
    this.waiting = waiting;
    this.overview = overview;
  }

  /** Lays out {@code {"definition"}}: an ASL object, or a string holding one. */
  @PostMapping("/graph")
  PlacedGraph graph(@RequestBody Map<String, Object> body) {
    Object definition = body.get("definition");
    if (definition instanceof String text) definition = Json.parse(text);
    if (!(definition instanceof Map<?, ?>)) {
      throw new IllegalArgumentException("'definition' must be an object or a string holding one");
    }
    return GraphLayout.layout(DefinitionGraph.of(definition));
  }

  @GetMapping("/state-machines")
  StateMachineRows.Page stateMachines(
      @RequestParam(required = false) String search,
      @RequestParam(defaultValue = "0") int offset,
      @RequestParam(defaultValue = "25") int pageSize) {
    return stateMachines.search(search, Math.max(0, offset), size(pageSize));
  }

  @GetMapping("/executions")
  ExecutionRows.Page executions(
      @RequestParam(required = false) String stateMachine,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String parentExecution,
      @RequestParam(required = false) Instant startedAfter,
      @RequestParam(required = false) Instant startedBefore,
      @RequestParam(required = false) String pageToken,
      @RequestParam(defaultValue = "25") int pageSize) {
    if (parentExecution != null) ConsoleErrors.executionId(parentExecution);
    var filter =
        new ExecutionRows.Filter(
            blank(stateMachine),
            blank(status),
            blank(parentExecution),
            startedAfter,
            startedBefore);
    return executions.list(filter, blank(pageToken), size(pageSize));
  }

  @GetMapping("/approvals")
  WaitingTasks.Page approvals(
      @RequestParam(required = false) String stateMachine,
      @RequestParam(defaultValue = "0") int offset,
      @RequestParam(defaultValue = "50") int pageSize) {
    return waiting.list(blank(stateMachine), Math.max(0, offset), size(pageSize));
  }

  @GetMapping("/overview")
  OverviewFigures.Figures overview() {
    return overview.read();
  }

  private static int size(int pageSize) {
    if (pageSize < 1 || pageSize > MAX_PAGE) {
      throw new IllegalArgumentException("pageSize must be between 1 and " + MAX_PAGE);
    }
    return pageSize;
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
