package dev.stepwise.console;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What folding a history needs to know of the definition: each state's type, the states its {@code
 * Catch} leads to, and the Parallel and Map states it lies in.
 */
final class DefinitionOutline {
  final Map<String, String> types = new HashMap<>();
  final Map<String, Set<String>> catchTargets = new HashMap<>();
  final Map<String, List<String>> containers = new HashMap<>();

  DefinitionOutline(GraphNode root) {
    walk(root, List.of(), new HashMap<>());
  }

  private void walk(GraphNode scope, List<String> enclosing, Map<String, String> names) {
    for (GraphNode child : scope.children()) names.put(child.id(), child.name());
    for (GraphNode child : scope.children()) {
      if (child.type().equals("Start") || child.type().equals("End")) continue;
      if (child.type().equals("Branch")) {
        walk(child, enclosing, names);
        continue;
      }
      types.put(child.name(), child.type());
      containers.put(child.name(), enclosing);
      if (child.isContainer()) {
        var inner = new ArrayList<>(enclosing);
        inner.add(child.name());
        walk(child, List.copyOf(inner), names);
      }
    }
    for (GraphEdge edge : scope.edges()) {
      if (!edge.kind().equals("catch")) continue;
      String source = names.get(edge.source());
      String target = names.get(edge.target());
      if (source != null && target != null) {
        catchTargets.computeIfAbsent(source, k -> new HashSet<>()).add(target);
      }
    }
  }

  String type(String state) {
    return types.getOrDefault(state, "?");
  }

  boolean catches(String state, String target) {
    return catchTargets.getOrDefault(state, Set.of()).contains(target);
  }

  /** True when {@code state} lies inside the Parallel or Map state {@code container}. */
  boolean inside(String state, String container) {
    return containers.getOrDefault(state, List.of()).contains(container);
  }
}
