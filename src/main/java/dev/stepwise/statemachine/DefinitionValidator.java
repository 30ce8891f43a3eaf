package dev.stepwise.statemachine;

import dev.stepwise.asl.Diagnostic;
import dev.stepwise.asl.Json;
import dev.stepwise.asl.model.MapState;
import dev.stepwise.asl.model.ParallelState;
import dev.stepwise.asl.model.State;
import dev.stepwise.asl.model.StateMachine;
import dev.stepwise.asl.model.TaskState;
import dev.stepwise.asl.parse.AslParser;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Validates definitions: the language's rules, then whether every Task resource can run here. */
@Component
public class DefinitionValidator {
  private final ObjectProvider<TaskResourceCheck> resourceCheck;

  DefinitionValidator(ObjectProvider<TaskResourceCheck> resourceCheck) {
    this.resourceCheck = resourceCheck;
  }

  public List<Diagnostic> validate(JsonNode definition) {
    AslParser.Result result = AslParser.parse(definition);
    if (!result.valid()) return result.diagnostics();
    var diagnostics = new ArrayList<Diagnostic>();
    TaskResourceCheck check = resourceCheck.getIfAvailable();
    if (check != null) checkResources(result.stateMachine(), "", check, diagnostics);
    return diagnostics;
  }

  /** Parses a definition already known to be valid. */
  public StateMachine parse(String definition) {
    AslParser.Result result = AslParser.parse(Json.mapper().readTree(definition));
    if (!result.valid()) throw new InvalidDefinitionException(result.diagnostics());
    return result.stateMachine();
  }

  private static void checkResources(
      StateMachine machine, String pointer, TaskResourceCheck check, List<Diagnostic> out) {
    for (State state : machine.states().values()) {
      String at = pointer + "/States/" + state.name().replace("~", "~0").replace("/", "~1");
      switch (state) {
        case TaskState task -> {
          var problems = check.problems(task);
          for (var problem : problems) {
            out.add(new Diagnostic(problem.code(), problem.message(), at + problem.field()));
          }
          if (problems.isEmpty()) out.addAll(check.destinationProblems(task, at));
        }
        case ParallelState parallel -> {
          for (int i = 0; i < parallel.branches().size(); i++) {
            checkResources(parallel.branches().get(i), at + "/Branches/" + i, check, out);
          }
        }
        case MapState map -> checkResources(map.itemProcessor(), at + "/ItemProcessor", check, out);
        default -> {}
      }
    }
  }
}
