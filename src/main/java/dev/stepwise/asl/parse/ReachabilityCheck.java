package dev.stepwise.asl.parse;

import dev.stepwise.asl.Diagnostic;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The graph checks of one scope (the top level, a Parallel branch or a Map's item processor): the
 * scope must have a terminal state, every state must be reachable from {@code StartAt}, and every
 * reachable state must have a way to a terminal state.
 *
 * <p>Edges are {@code Next}, {@code Default}, {@code Choices[].Next} and {@code Catch[].Next}; an
 * edge naming no state of the scope is {@link TransitionCheck}'s to report. A state is terminal
 * when it is a Succeed or Fail state, has {@code "End": true}, or (Stepwise's deliberate difference
 * from AWS) is not a Choice state and has no {@code Next}.
 *
 * <p>As AWS does, a scope without any terminal state gets one {@code MISSING_END_STATE} and no
 * reachability diagnostic. The check for states that cannot reach a terminal state runs only when
 * the scope's transitions are otherwise sound (every target exists, every state is reachable), so
 * that one mistake is reported once.
 */
final class ReachabilityCheck {
  private ReachabilityCheck() {}

  static void check(
      JsonNode states,
      String scopePointer,
      String statesPointer,
      String startAt,
      List<Diagnostic> diagnostics) {
    Map<String, List<String>> edges = new LinkedHashMap<>();
    Set<String> terminals = new HashSet<>();
    boolean dangling = false;
    for (var entry : states.properties()) {
      String name = entry.getKey();
      JsonNode state = entry.getValue();
      var targets = new ArrayList<String>();
      edges.put(name, targets);
      if (!state.isObject()) {
        terminals.add(name); // reported as malformed already; nothing to follow
        continue;
      }
      if (isTerminal(state)) terminals.add(name);
      var raw = new ArrayList<JsonNode>();
      raw.add(state.get("Next"));
      raw.add(state.get("Default"));
      for (String list : new String[] {"Choices", "Catch"}) {
        JsonNode items = state.get(list);
        if (items != null && items.isArray()) {
          for (JsonNode item : items) raw.add(item.isObject() ? item.get("Next") : null);
        }
      }
      for (JsonNode target : raw) {
        if (target == null) continue;
        if (!target.isString()) {
          dangling = true; // reported as a schema error already
          continue;
        }
        if (states.has(target.stringValue())) {
          targets.add(target.stringValue());
        } else {
          dangling = true;
        }
      }
    }
    if (edges.isEmpty()) return;
    if (terminals.isEmpty()) {
      diagnostics.add(
          new Diagnostic(
              Codes.MISSING_END_STATE,
              "Workflow has no terminal state (a Succeed or Fail state, or a state with 'End':"
                  + " true)",
              scopePointer));
      return;
    }
    if (startAt == null || !states.has(startAt)) return; // StartAt is reported on its own
    Set<String> reachable = walk(startAt, edges);
    for (String name : edges.keySet()) {
      if (!reachable.contains(name)) {
        diagnostics.add(
            new Diagnostic(
                Codes.MISSING_TRANSITION,
                "State \"" + name + "\" is not reachable.",
                statesPointer + "/" + AslParser.escape(name)));
      }
    }
    // AWS accepts a reachable loop with no way out as long as the scope has an end state
    // somewhere; so does Stepwise (the history limit ends such an execution).
  }

  private static boolean isTerminal(JsonNode state) {
    JsonNode type = state.get("Type");
    String t = type != null && type.isString() ? type.stringValue() : "";
    if (t.equals("Succeed") || t.equals("Fail")) return true;
    JsonNode end = state.get("End");
    if (end != null && end.isBoolean() && end.booleanValue()) return true;
    JsonNode next = state.get("Next");
    return !t.equals("Choice") && (next == null || !next.isString());
  }

  private static Set<String> walk(String start, Map<String, List<String>> edges) {
    Set<String> seen = new HashSet<>();
    var queue = new ArrayDeque<String>();
    seen.add(start);
    queue.add(start);
    while (!queue.isEmpty()) {
      for (String next : edges.getOrDefault(queue.poll(), List.of())) {
        if (seen.add(next)) queue.add(next);
      }
    }
    return seen;
  }
}
