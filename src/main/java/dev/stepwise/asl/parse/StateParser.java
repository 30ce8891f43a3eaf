package dev.stepwise.asl.parse;

import dev.stepwise.asl.Diagnostic;
import dev.stepwise.asl.Json;
import dev.stepwise.asl.model.FailState;
import dev.stepwise.asl.model.IoPaths;
import dev.stepwise.asl.model.MapState;
import dev.stepwise.asl.model.ParallelState;
import dev.stepwise.asl.model.PassState;
import dev.stepwise.asl.model.ResultPath;
import dev.stepwise.asl.model.State;
import dev.stepwise.asl.model.StateMachine;
import dev.stepwise.asl.model.SucceedState;
import dev.stepwise.asl.model.TaskState;
import dev.stepwise.asl.model.Transition;
import dev.stepwise.asl.model.WaitState;
import dev.stepwise.asl.path.ReferencePath;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Parses one state by its {@code Type}, allowing exactly the fields that type has. */
final class StateParser {
  private StateParser() {}

  static State parse(
      String name,
      JsonNode node,
      String pointer,
      List<Diagnostic> diagnostics,
      AslParser.DefinitionContext names) {
    if (!node.isObject()) {
      diagnostics.add(new Diagnostic(Codes.TYPE, "A state must be a JSON object", pointer));
      return null;
    }
    var f = new ObjectFields(node, pointer, diagnostics);
    String type = f.string("Type", true);
    f.string("Comment", false);
    String language = f.string("QueryLanguage", false);
    if (type == null) return null;
    if (language != null && !language.equals("JSONPath") && !language.equals("JSONata")) {
      f.error("QueryLanguage", Codes.TYPE, "'QueryLanguage' must be JSONPath or JSONata");
    }
    if ("JSONPath".equals(language) && names.jsonataByDefault()) {
      f.error(
          "QueryLanguage",
          Codes.TYPE,
          "A state cannot use JSONPath when the state machine's 'QueryLanguage' is JSONata");
    }
    boolean jsonata = language == null ? names.jsonataByDefault() : language.equals("JSONata");
    int before = diagnostics.size();
    QueryLanguageFields.check(f, jsonata);
    var flow = new DataflowParser(f, jsonata);
    State state =
        switch (type) {
          case "Pass" -> pass(name, f, flow);
          case "Task" -> task(name, f, flow);
          case "Choice" -> ChoiceParser.parse(name, f, io(f), flow);
          case "Wait" -> wait(name, f, flow);
          case "Succeed" -> new SucceedState(name, io(f), flow.build(type));
          case "Fail" -> fail(name, f, flow);
          case "Parallel" -> parallel(name, f, names, flow);
          case "Map" -> map(name, f, names, flow);
          default -> {
            f.error("Type", Codes.UNKNOWN_STATE_TYPE, "Unknown state type '" + type + "'");
            yield null;
          }
        };
    if (state == null) return null;
    f.rejectUnknown("a " + type + " state");
    return diagnostics.size() == before ? state : null;
  }

  static IoPaths io(ObjectFields f) {
    return new IoPaths(f.path("InputPath", "$"), f.path("OutputPath", "$"));
  }

  private static Transition transition(ObjectFields f) {
    String next = f.string("Next", false);
    boolean end = f.bool("End");
    if (next != null && end) {
      f.error("End", Codes.TYPE, "A state cannot have both 'Next' and 'End'");
    }
    // AWS rejects a state with neither 'Next' nor 'End'. Stepwise reads it as the end of its
    // state machine, so that definitions written that way (such as the retry example of the
    // article Stepwise was first described from) run unchanged.

    return next == null ? Transition.END : new Transition(next);
  }

  private static ResultPath resultPath(ObjectFields f) {
    ReferencePath path = f.referencePath("ResultPath", ResultPath.DEFAULT.path());
    return path == null ? ResultPath.DISCARD : new ResultPath(path);
  }

  private static PassState pass(String name, ObjectFields f, DataflowParser flow) {
    var parameters = PayloadTemplates.read(f, "Parameters");
    boolean hasResult = f.has("Result");
    Object result = hasResult ? Json.fromNode(f.node("Result")) : null;
    return new PassState(
        name,
        io(f),
        parameters,
        result,
        hasResult,
        resultPath(f),
        transition(f),
        flow.build("Pass"));
  }

  private static TaskState task(String name, ObjectFields f, DataflowParser flow) {
    String resource = f.string("Resource", true);
    var parameters = PayloadTemplates.read(f, "Parameters");
    var selector = PayloadTemplates.read(f, "ResultSelector");
    flow.template("Arguments");
    Integer timeout =
        flow.expression("TimeoutSeconds") ? null : f.integer("TimeoutSeconds", 1, 99_999_999);
    String timeoutPath = f.path("TimeoutSecondsPath", null);
    Integer heartbeat =
        flow.expression("HeartbeatSeconds") ? null : f.integer("HeartbeatSeconds", 1, 99_999_999);
    String heartbeatPath = f.path("HeartbeatSecondsPath", null);
    if (timeout != null && timeoutPath != null) {
      f.error("TimeoutSecondsPath", Codes.TYPE, "Use 'TimeoutSeconds' or 'TimeoutSecondsPath'");
    }
    if (heartbeat != null && heartbeatPath != null) {
      f.error(
          "HeartbeatSecondsPath", Codes.TYPE, "Use 'HeartbeatSeconds' or 'HeartbeatSecondsPath'");
    }
    if (timeout != null && heartbeat != null && heartbeat >= timeout) {
      f.error("HeartbeatSeconds", Codes.RANGE, "'HeartbeatSeconds' must be below 'TimeoutSeconds'");
    }
    f.node("Credentials");
    return new TaskState(
        name,
        io(f),
        resource,
        parameters,
        selector,
        resultPath(f),
        timeout,
        timeoutPath,
        heartbeat,
        heartbeatPath,
        ErrorHandlingParser.read(f, flow.jsonata()),
        transition(f),
        flow.build("Task"));
  }

  private static WaitState wait(String name, ObjectFields f, DataflowParser flow) {
    boolean secondsExpression = flow.expression("Seconds");
    boolean timestampExpression = flow.expression("Timestamp");
    JsonNode secondsNode = f.node("Seconds");
    Long seconds = null;
    if (secondsNode != null && !secondsExpression) {
      if (!secondsNode.isIntegralNumber() || secondsNode.longValue() < 0) {
        f.error("Seconds", Codes.TYPE, "'Seconds' must be a non-negative integer");
      } else {
        seconds = secondsNode.longValue();
      }
    }
    String timestamp = timestampExpression ? null : f.string("Timestamp", false);
    if (timestamp != null && dev.stepwise.asl.Timestamps.parse(timestamp) == null) {
      f.error("Timestamp", Codes.TYPE, "'Timestamp' must be an RFC 3339 timestamp");
    }
    String secondsPath = f.path("SecondsPath", null);
    String timestampPath = f.path("TimestampPath", null);
    int count = 0;
    Object timestampNode = timestampExpression ? f.node("Timestamp") : timestamp;
    for (Object o : new Object[] {secondsNode, timestampNode, secondsPath, timestampPath}) {
      if (o != null) count++;
    }
    if (count != 1) {
      f.error(
          Codes.MISSING_FIELD,
          "A Wait state needs exactly one of 'Seconds', 'Timestamp', 'SecondsPath' and"
              + " 'TimestampPath'");
    }
    return new WaitState(
        name,
        io(f),
        seconds,
        timestamp,
        secondsPath,
        timestampPath,
        transition(f),
        flow.build("Wait"));
  }

  private static FailState fail(String name, ObjectFields f, DataflowParser flow) {
    String error = flow.expression("Error") ? null : f.string("Error", false);
    String errorPath = f.pathOrIntrinsic("ErrorPath");
    String cause = flow.expression("Cause") ? null : f.string("Cause", false);
    String causePath = f.pathOrIntrinsic("CausePath");
    if (error != null && errorPath != null) {
      f.error("ErrorPath", Codes.TYPE, "Use 'Error' or 'ErrorPath', not both");
    }
    if (cause != null && causePath != null) {
      f.error("CausePath", Codes.TYPE, "Use 'Cause' or 'CausePath', not both");
    }
    return new FailState(name, error, errorPath, cause, causePath, flow.build("Fail"));
  }

  private static ParallelState parallel(
      String name, ObjectFields f, AslParser.DefinitionContext names, DataflowParser flow) {
    flow.template("Arguments");
    JsonNode branchesNode = f.node("Branches");
    var branches = new ArrayList<StateMachine>();
    if (branchesNode == null || !branchesNode.isArray() || branchesNode.isEmpty()) {
      f.error("Branches", Codes.MISSING_FIELD, "'Branches' must be a non-empty array");
    } else {
      for (int i = 0; i < branchesNode.size(); i++) {
        var local = new ArrayList<Diagnostic>();
        StateMachine branch =
            AslParser.parseMachine(
                branchesNode.get(i), f.pointer("Branches") + "/" + i, false, local, names);
        f.addAll(local);
        branches.add(branch);
      }
    }
    return new ParallelState(
        name,
        io(f),
        List.copyOf(branches.stream().filter(b -> b != null).toList()),
        PayloadTemplates.read(f, "Parameters"),
        PayloadTemplates.read(f, "ResultSelector"),
        resultPath(f),
        ErrorHandlingParser.read(f, flow.jsonata()),
        transition(f),
        flow.build("Parallel"));
  }

  private static MapState map(
      String name, ObjectFields f, AslParser.DefinitionContext names, DataflowParser flow) {
    return MapParser.parse(name, f, names, io(f), resultPath(f), transition(f), flow);
  }
}
