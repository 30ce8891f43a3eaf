package dev.stepwise.execution;

import dev.stepwise.statemachine.TaskResourceCheck;
import dev.stepwise.task.TaskRoutes;
import org.springframework.stereotype.Component;

/** Tells definition validation which Task resources the configured routes can run. */
@Component
class RoutableResources implements TaskResourceCheck {
  private final TaskRoutes routes;

  RoutableResources(TaskRoutes routes) {
    this.routes = routes;
  }

  @Override
  public boolean isRunnable(String resource) {
    return routes.isRoutable(resource);
  }
}
