package dev.stepwise.console;

import java.util.List;

/**
 * One box of a definition's graph, before layout: a state, a branch of a Parallel state, or the
 * start or end of a scope (the state machine, a branch, a Map's item processor). A Parallel state
 * holds its branches, a Map state the states of its item processor, each with the edges between
 * them, to any depth.
 *
 * @param id the JSON pointer of the state (or branch) in the definition, so that a diagnostic's
 *     location names its box; a scope's start and end add {@code #start} and {@code #end}
 * @param name the state's name (a branch's label, "Start" or "End")
 * @param type the state's {@code Type} as written, "Branch", "Start" or "End"
 * @param mode for a Map state, {@code inline} or {@code distributed}; otherwise null
 * @param lines what the box shows under the name (the type and its main fields, the retries)
 */
record GraphNode(
    String id,
    String name,
    String type,
    String mode,
    List<String> lines,
    List<GraphNode> children,
    List<GraphEdge> edges) {

  boolean isContainer() {
    return !children.isEmpty();
  }
}
