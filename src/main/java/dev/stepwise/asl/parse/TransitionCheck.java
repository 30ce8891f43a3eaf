package dev.stepwise.asl.parse;

import dev.stepwise.asl.Diagnostic;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Checks that every {@code Next}, {@code Default} and catcher target names a state in scope. */
final class TransitionCheck {
  private TransitionCheck() {}

  static void check(JsonNode states, String pointer, List<Diagnostic> diagnostics) {
    for (var entry : states.properties()) {
      JsonNode state = entry.getValue();
      if (!state.isObject()) continue;
      String at = pointer + "/" + AslParser.escape(entry.getKey());
      target(states, state.get("Next"), at + "/Next", diagnostics);
      target(states, state.get("Default"), at + "/Default", diagnostics);
      JsonNode choices = state.get("Choices");
      if (choices != null && choices.isArray()) {
        for (int i = 0; i < choices.size(); i++) {
          target(states, choices.get(i).get("Next"), at + "/Choices/" + i + "/Next", diagnostics);
        }
      }
      JsonNode catchers = state.get("Catch");
      if (catchers != null && catchers.isArray()) {
        for (int i = 0; i < catchers.size(); i++) {
          target(states, catchers.get(i).get("Next"), at + "/Catch/" + i + "/Next", diagnostics);
        }
      }
    }
  }

  private static void target(
      JsonNode states, JsonNode next, String pointer, List<Diagnostic> diagnostics) {
    if (next != null && next.isString() && !states.has(next.stringValue())) {
      diagnostics.add(
          new Diagnostic(
              Codes.MISSING_TRANSITION,
              "Missing 'Next' target: '" + next.stringValue() + "'",
              pointer));
    }
  }
}
