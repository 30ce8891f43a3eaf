package dev.stepwise.asl.parse;

import dev.stepwise.asl.Diagnostic;
import dev.stepwise.asl.Json;
import dev.stepwise.asl.model.State;
import dev.stepwise.asl.model.StateMachine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Parses and validates an ASL definition. Every problem becomes a {@link Diagnostic}; the state
 * machine is returned only when there are none.
 */
public final class AslParser {
  private static final Set<String> QUERY_LANGUAGES = Set.of("JSONPath", "JSONata");

  private AslParser() {}

  public record Result(StateMachine stateMachine, List<Diagnostic> diagnostics) {
    public boolean valid() {
      return diagnostics.isEmpty();
    }
  }

  public static Result parse(String definition) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(definition);
    } catch (JacksonException e) {
      return new Result(
          null,
          List.of(
              new Diagnostic(Codes.INVALID_JSON, "Invalid JSON: " + e.getOriginalMessage(), "")));
    }
    return parse(root);
  }

  public static Result parse(JsonNode root) {
    var diagnostics = new ArrayList<Diagnostic>();
    StateMachine machine = parseMachine(root, "", true, diagnostics, new DefinitionContext());
    return diagnostics.isEmpty()
        ? new Result(machine, List.of())
        : new Result(null, List.copyOf(diagnostics));
  }

  /**
   * What the states of a definition share: state names must be unique in the whole definition,
   * branches and item processors included; the top-level {@code QueryLanguage} is every state's
   * default.
   */
  static final class DefinitionContext {
    private final Set<String> seen = new java.util.HashSet<>();
    private boolean jsonataByDefault;

    boolean add(String name) {
      return seen.add(name);
    }

    boolean jsonataByDefault() {
      return jsonataByDefault;
    }
  }

  static StateMachine parseMachine(
      JsonNode node,
      String pointer,
      boolean top,
      List<Diagnostic> diagnostics,
      DefinitionContext names) {
    if (node == null || !node.isObject()) {
      diagnostics.add(new Diagnostic(Codes.TYPE, "A state machine must be a JSON object", pointer));
      return null;
    }
    var fields = new ObjectFields(node, pointer, diagnostics);
    String startAt = fields.string("StartAt", true);
    fields.string("Comment", false);
    Integer timeout = null;
    if (top) {
      String version = fields.string("Version", false);
      if (version != null && !version.equals("1.0")) {
        fields.error("Version", Codes.TYPE, "'Version' must be \"1.0\"");
      }
      timeout = fields.integer("TimeoutSeconds", 0, 99_999_999);
    }
    String queryLanguage = fields.string("QueryLanguage", false);
    if (queryLanguage != null && !QUERY_LANGUAGES.contains(queryLanguage)) {
      fields.error("QueryLanguage", Codes.TYPE, "'QueryLanguage' must be JSONPath or JSONata");
    } else if (top) {
      names.jsonataByDefault = "JSONata".equals(queryLanguage);
    }
    if (!top) fields.node("ProcessorConfig");
    JsonNode statesNode = fields.node("States");
    fields.rejectUnknown(top ? "a state machine" : "a branch");
    Map<String, State> states = new LinkedHashMap<>();
    if (statesNode == null || !statesNode.isObject()) {
      fields.error("States", Codes.MISSING_FIELD, "'States' must be an object of states");
      return null;
    }
    if (statesNode.isEmpty()) {
      fields.error("States", Codes.MISSING_FIELD, "'States' must have at least one state");
    }
    for (var entry : statesNode.properties()) {
      String name = entry.getKey();
      String statePointer = fields.pointer("States") + "/" + escape(name);
      if (name.isEmpty() || name.length() > 80) {
        diagnostics.add(
            new Diagnostic(
                Codes.INVALID_STATE_NAME, "State names have 1 to 80 characters", statePointer));
      }
      if (!names.add(name)) {
        diagnostics.add(
            new Diagnostic(
                Codes.DUPLICATE_STATE_NAME,
                "State name '" + name + "' is used more than once",
                statePointer));
      }
      State state = StateParser.parse(name, entry.getValue(), statePointer, diagnostics, names);
      if (state != null) states.put(name, state);
    }
    if (startAt != null && !statesNode.has(startAt)) {
      fields.error(
          "StartAt", Codes.MISSING_TRANSITION, "'StartAt' names no state: '" + startAt + "'");
    }
    TransitionCheck.check(statesNode, fields.pointer("States"), diagnostics);
    ReachabilityCheck.check(statesNode, pointer, fields.pointer("States"), startAt, diagnostics);
    return new StateMachine(startAt, Map.copyOf(states), timeout);
  }

  static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
