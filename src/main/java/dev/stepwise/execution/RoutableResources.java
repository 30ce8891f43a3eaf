package dev.stepwise.execution;

import dev.stepwise.asl.Diagnostic;
import dev.stepwise.asl.model.TaskState;
import dev.stepwise.statemachine.TaskResourceCheck;
import dev.stepwise.task.DefinitionDestinations;
import dev.stepwise.task.TaskRoutes;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Tells definition validation which Task resources the configured routes can run, and what a
 * definition's literal URLs and connections the egress policy and configuration refuse.
 */
@Component
class RoutableResources implements TaskResourceCheck {
  private final TaskRoutes routes;
  private final DefinitionDestinations destinations;

  RoutableResources(TaskRoutes routes, DefinitionDestinations destinations) {
    this.routes = routes;
    this.destinations = destinations;
  }

  @Override
  public boolean isRunnable(String resource) {
    return routes.isRoutable(resource);
  }

  @Override
  public List<Diagnostic> destinationProblems(TaskState task, String location) {
    return destinations.problems(task, location);
  }
}
