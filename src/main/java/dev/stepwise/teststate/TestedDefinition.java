package dev.stepwise.teststate;

import dev.stepwise.asl.Diagnostic;
import dev.stepwise.asl.Json;
import dev.stepwise.asl.model.StateMachine;
import dev.stepwise.asl.parse.AslParser;
import dev.stepwise.engine.StateTest;
import dev.stepwise.teststate.InvalidTestStateRequest.Kind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The state a TestState request tests: one state's definition, or a state machine's and the name of
 * one of its states (at any depth).
 */
final class TestedDefinition {
  /** What a lone state is called ({@code $$.State.Name}), as AWS calls it. */
  static final String LONE_STATE = "StateName";

  private static final String LONE_POINTER = "/States/" + LONE_STATE;

  private TestedDefinition() {}

  static StateTest read(String definition, String stateName) {
    if (definition == null || definition.isBlank()) {
      throw new InvalidTestStateRequest(Kind.VALIDATION, "'definition' is required");
    }
    JsonNode root;
    try {
      root = Json.mapper().readTree(definition);
    } catch (JacksonException e) {
      String message = "Invalid JSON: " + e.getOriginalMessage();
      throw invalid(List.of(new Diagnostic("INVALID_JSON_DESCRIPTION", message, "")));
    }
    return stateName == null ? lone(root) : within(root, stateName);
  }

  private static StateTest within(JsonNode root, String stateName) {
    StateMachine machine = parsed(root, false);
    try {
      return StateTest.of(machine, stateName);
    } catch (IllegalArgumentException e) {
      throw new InvalidTestStateRequest(
          Kind.VALIDATION, "'stateName' names no state of the definition: '" + stateName + "'");
    }
  }

  /**
   * A lone state runs as the first state of a state machine built around it, in which every state
   * it can go to is a Succeed state: its transitions name states that are not there.
   */
  private static StateTest lone(JsonNode state) {
    if (!state.isObject()) {
      throw invalid(
          List.of(new Diagnostic("SCHEMA_VALIDATION_FAILED", "A state must be a JSON object", "")));
    }
    if (state.has("States") && !state.has("Type")) {
      throw new InvalidTestStateRequest(
          Kind.VALIDATION,
          "'definition' is a state machine: name the state to test in 'stateName'");
    }
    ObjectNode machine = Json.mapper().createObjectNode();
    machine.put("StartAt", LONE_STATE);
    ObjectNode states = machine.putObject("States");
    states.set(LONE_STATE, state);
    for (String target : targets(state)) {
      if (!target.equals(LONE_STATE)) states.putObject(target).put("Type", "Succeed");
    }
    return StateTest.of(parsed(machine, true), LONE_STATE);
  }

  private static Set<String> targets(JsonNode state) {
    var targets = new LinkedHashSet<String>();
    addText(state.get("Next"), targets);
    addText(state.get("Default"), targets);
    for (String list : List.of("Choices", "Catch")) {
      JsonNode items = state.get(list);
      if (items != null && items.isArray()) {
        for (JsonNode item : items) addText(item.get("Next"), targets);
      }
    }
    return targets;
  }

  private static void addText(JsonNode node, Set<String> out) {
    if (node != null && node.isString()) out.add(node.stringValue());
  }

  private static StateMachine parsed(JsonNode root, boolean lone) {
    AslParser.Result result = AslParser.parse(root);
    if (result.valid()) return result.stateMachine();
    if (!lone) throw invalid(result.diagnostics());
    // The lone state's problems point into the definition as given, not into the wrapper.
    var diagnostics = new ArrayList<Diagnostic>();
    for (Diagnostic d : result.diagnostics()) {
      String location = d.location();
      if (location.equals(LONE_POINTER) || location.startsWith(LONE_POINTER + "/")) {
        location = location.substring(LONE_POINTER.length());
      }
      diagnostics.add(new Diagnostic(d.code(), d.message(), location));
    }
    throw invalid(diagnostics);
  }

  private static InvalidTestStateRequest invalid(List<Diagnostic> diagnostics) {
    return new InvalidTestStateRequest(
        Kind.INVALID_DEFINITION,
        "Invalid definition: " + diagnostics.getFirst().message(),
        diagnostics);
  }
}
