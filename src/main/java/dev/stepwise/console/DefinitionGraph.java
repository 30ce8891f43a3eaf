package dev.stepwise.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a definition (parsed JSON, not necessarily valid: the editor draws what is being typed)
 * into its graph: every state a box, every transition an edge, Parallel branches and Map item
 * processors nested, each scope with a start and an end. Whatever cannot be read is left out rather
 * than refused; the validation diagnostics say what is wrong.
 */
final class DefinitionGraph {
  private DefinitionGraph() {}

  /** The top-level scope: its start, its states and its end, with the edges between them. */
  static GraphNode of(Object definition) {
    return scope("", "State machine", "Root", definition);
  }

  private static GraphNode scope(String pointer, String name, String type, Object body) {
    var nodes = new ArrayList<GraphNode>();
    var edges = new ArrayList<GraphEdge>();
    Map<?, ?> scope = body instanceof Map<?, ?> m ? m : Map.of();
    Map<?, ?> states = scope.get("States") instanceof Map<?, ?> s ? s : Map.of();
    var ids = new LinkedHashMap<String, String>();
    for (Object key : states.keySet()) {
      ids.put(String.valueOf(key), pointer + "/States/" + escape(String.valueOf(key)));
    }
    String start = pointer + "#start";
    String end = pointer + "#end";
    nodes.add(leaf(start, "Start", "Start", List.of()));
    String startAt = ids.get(String.valueOf(scope.get("StartAt")));
    if (startAt != null) edges.add(new GraphEdge(start + ">", start, startAt, "start", null));
    boolean ends = false;
    for (var entry : states.entrySet()) {
      String stateName = String.valueOf(entry.getKey());
      String id = ids.get(stateName);
      Map<?, ?> state = entry.getValue() instanceof Map<?, ?> m ? m : Map.of();
      nodes.add(state(id, stateName, state));
      ends |= transitions(id, state, ids, end, edges);
    }
    if (ends || states.isEmpty()) nodes.add(leaf(end, "End", "End", List.of()));
    return new GraphNode(pointer, name, type, null, List.of(), nodes, edges);
  }

  private static GraphNode state(String id, String name, Map<?, ?> state) {
    String type = state.get("Type") instanceof String t ? t : "?";
    var lines = StateLines.of(type, state);
    return switch (type) {
      case "Parallel" -> {
        var branches = new ArrayList<GraphNode>();
        if (state.get("Branches") instanceof List<?> list) {
          for (int i = 0; i < list.size(); i++) {
            branches.add(scope(id + "/Branches/" + i, "Branch " + (i + 1), "Branch", list.get(i)));
          }
        }
        yield new GraphNode(id, name, type, null, lines, branches, List.of());
      }
      case "Map" -> {
        String key = state.containsKey("ItemProcessor") ? "ItemProcessor" : "Iterator";
        var processor = scope(id + "/" + key, name, "Processor", state.get(key));
        yield new GraphNode(
            id, name, type, StateLines.mode(state), lines, processor.children(), processor.edges());
      }
      default -> leaf(id, name, type, lines);
    };
  }

  /** Adds the edges leaving a state; true when the state ends its scope. */
  private static boolean transitions(
      String id, Map<?, ?> state, Map<String, String> ids, String end, List<GraphEdge> edges) {
    String type = String.valueOf(state.get("Type"));
    edge(edges, id, ids.get(string(state.get("Next"))), "next", null, "");
    if (state.get("Choices") instanceof List<?> choices) {
      for (int i = 0; i < choices.size(); i++) {
        if (!(choices.get(i) instanceof Map<?, ?> rule)) continue;
        String target = ids.get(string(rule.get("Next")));
        edge(edges, id, target, "choice", ChoiceWords.of(rule), "/Choices/" + i);
      }
    }
    edge(edges, id, ids.get(string(state.get("Default"))), "default", "Default", "/Default");
    if (state.get("Catch") instanceof List<?> catchers) {
      for (int i = 0; i < catchers.size(); i++) {
        if (!(catchers.get(i) instanceof Map<?, ?> catcher)) continue;
        Object errors = catcher.get("ErrorEquals");
        String label =
            errors instanceof List<?> l
                ? String.join(", ", l.stream().map(String::valueOf).toList())
                : "?";
        edge(edges, id, ids.get(string(catcher.get("Next"))), "catch", label, "/Catch/" + i);
      }
    }
    boolean ends =
        Boolean.TRUE.equals(state.get("End"))
            || "Succeed".equals(type)
            || "Fail".equals(type)
            // A state with neither Next nor End ends its scope in Stepwise.
            || (!"Choice".equals(type) && state.get("Next") == null);
    if (ends) edge(edges, id, end, "end", null, "/End");
    return ends;
  }

  private static void edge(
      List<GraphEdge> edges, String source, String target, String kind, String label, String at) {
    if (target != null) edges.add(new GraphEdge(source + at + ">", source, target, kind, label));
  }

  private static GraphNode leaf(String id, String name, String type, List<String> lines) {
    return new GraphNode(id, name, type, null, lines, List.of(), List.of());
  }

  private static String string(Object value) {
    return value instanceof String s ? s : null;
  }

  /** A JSON pointer's escaping of one reference token (RFC 6901). */
  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
