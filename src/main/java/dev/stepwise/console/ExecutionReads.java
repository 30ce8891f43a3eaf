package dev.stepwise.console;

import dev.stepwise.asl.Json;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Folds an execution's history against the definition it runs. */
@Component
class ExecutionReads {
  private final ExecutionRows executions;
  private final HistoryRows history;

  ExecutionReads(ExecutionRows executions, HistoryRows history) {
    this.executions = executions;
    this.history = history;
  }

  record Folded(ExecutionRows.Progress progress, DefinitionOutline outline, HistoryFold fold) {}

  Folded fold(String executionId) {
    UUID id = ConsoleErrors.executionId(executionId);
    // The progress is read before the events, so the fold holds at least the events it counts.
    var progress =
        executions.progress(id).orElseThrow(() -> ConsoleErrors.noExecution(executionId));
    String definition =
        executions.definition(progress.stateMachine(), progress.revision()).orElse("{}");
    var outline = new DefinitionOutline(DefinitionGraph.of(Json.parse(definition)));
    var fold = new HistoryFold(outline).fold(history.all(id), progress.status());
    return new Folded(progress, outline, fold);
  }
}
