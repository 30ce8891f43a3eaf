package dev.stepwise.aws;

import dev.stepwise.lifecycle.Executions;
import dev.stepwise.lifecycle.Executions.ExecutionView;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The map run a child execution belongs to. A distributed Map names its children {@code
 * <parent>:<label>:<run>:<index>}, where the run is the number of the map run in its parent.
 */
@Component
class MapRunLinks {
  private final Executions executions;
  private final Arns arns;

  MapRunLinks(Executions executions, Arns arns) {
    this.executions = executions;
    this.arns = arns;
  }

  record Link(String mapRunArn, String label, ExecutionView parent, int run) {}

  Optional<Link> of(ExecutionView child) {
    if (child.parentExecutionId() == null) return Optional.empty();
    ExecutionView parent = executions.describe(child.parentExecutionId());
    String prefix = parent.name() + ":";
    if (!child.name().startsWith(prefix)) return Optional.empty();
    String rest = child.name().substring(prefix.length());
    int last = rest.lastIndexOf(':');
    int second = last < 0 ? -1 : rest.lastIndexOf(':', last - 1);
    if (second < 0) return Optional.empty();
    try {
      int run = Integer.parseInt(rest.substring(second + 1, last));
      return Optional.of(
          new Link(
              arns.mapRun(parent.stateMachine(), parent.name(), run),
              rest.substring(0, second),
              parent,
              run));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Whether {@code child} belongs to map run {@code run} of its parent. */
  static boolean inRun(ExecutionView child, String parentName, int run) {
    String name = child.name();
    int last = name.lastIndexOf(':');
    int second = last < 0 ? -1 : name.lastIndexOf(':', last - 1);
    return second > parentName.length()
        && name.startsWith(parentName + ":")
        && name.substring(second + 1, last).equals(Integer.toString(run));
  }
}
