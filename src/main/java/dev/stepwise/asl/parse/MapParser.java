package dev.stepwise.asl.parse;

import dev.stepwise.asl.Diagnostic;
import dev.stepwise.asl.model.IoPaths;
import dev.stepwise.asl.model.MapState;
import dev.stepwise.asl.model.PayloadTemplate;
import dev.stepwise.asl.model.ResultPath;
import dev.stepwise.asl.model.StateMachine;
import dev.stepwise.asl.model.Transition;
import java.util.ArrayList;
import tools.jackson.databind.JsonNode;

/** Reads an inline Map state, in its current ({@code ItemProcessor}) or legacy form. */
final class MapParser {
  private MapParser() {}

  static MapState parse(
      String name,
      ObjectFields f,
      AslParser.DefinitionContext names,
      IoPaths io,
      ResultPath resultPath,
      Transition transition,
      DataflowParser flow) {
    JsonNode processor = f.node("ItemProcessor");
    JsonNode iterator = f.node("Iterator");
    String processorField = processor != null ? "ItemProcessor" : "Iterator";
    StateMachine itemProcessor = null;
    if (processor != null && iterator != null) {
      f.error("Iterator", Codes.TYPE, "Use 'ItemProcessor' or 'Iterator', not both");
    } else if (processor == null && iterator == null) {
      f.error(Codes.MISSING_FIELD, "A Map state needs 'ItemProcessor'");
    } else {
      JsonNode body = processor != null ? processor : iterator;
      checkProcessorConfig(body, f.pointer(processorField), f);
      var local = new ArrayList<Diagnostic>();
      itemProcessor =
          AslParser.parseMachine(body, f.pointer(processorField), false, local, names);
      f.addAll(local);
    }
    flow.template("Items");
    if (flow.jsonata()) flow.template("ItemSelector");
    PayloadTemplate selector = flow.jsonata() ? null : PayloadTemplates.read(f, "ItemSelector");
    PayloadTemplate parameters = PayloadTemplates.read(f, "Parameters");
    if (selector != null && parameters != null) {
      f.error("Parameters", Codes.TYPE, "Use 'ItemSelector' or 'Parameters', not both");
    }
    Integer maxConcurrency =
        flow.expression("MaxConcurrency") ? null : f.integer("MaxConcurrency", 0, Integer.MAX_VALUE);
    toleratedFailures(f, flow);
    String maxConcurrencyPath = f.path("MaxConcurrencyPath", null);
    if (maxConcurrency != null && maxConcurrencyPath != null) {
      f.error("MaxConcurrencyPath", Codes.TYPE, "Use 'MaxConcurrency' or 'MaxConcurrencyPath'");
    }
    for (String unsupported :
        new String[] {"ItemReader", "ItemBatcher", "ResultWriter", "ToleratedFailurePercentagePath",
          "ToleratedFailureCountPath", "Label"}) {
      if (f.has(unsupported)) {
        f.error(
            unsupported,
            Codes.UNSUPPORTED,
            "'" + unsupported + "' (distributed Map) is not supported yet");
      }
    }
    return new MapState(
        name,
        io,
        itemProcessor,
        f.path("ItemsPath", "$"),
        selector != null ? selector : parameters,
        maxConcurrency == null ? 0 : maxConcurrency,
        maxConcurrencyPath,
        PayloadTemplates.read(f, "ResultSelector"),
        resultPath,
        ErrorHandlingParser.read(f, flow.jsonata()),
        transition,
        flow.build("Map"));
  }

  /**
   * {@code ToleratedFailureCount}/{@code …Percentage}: JSONata states may give them (AWS evaluates
   * them for inline maps too); the interpreter checks their values but fails the Map on the first
   * failed iteration, as with no tolerance.
   */
  private static void toleratedFailures(ObjectFields f, DataflowParser flow) {
    for (String field : new String[] {"ToleratedFailureCount", "ToleratedFailurePercentage"}) {
      if (!flow.jsonata()) {
        if (f.has(field)) {
          f.error(field, Codes.UNSUPPORTED, "'" + field + "' is not supported yet in JSONPath states");
        }
      } else if (!flow.expression(field)) {
        f.number(field, 0);
      }
    }
  }

  private static void checkProcessorConfig(JsonNode body, String pointer, ObjectFields f) {
    if (body == null || !body.isObject()) return;
    JsonNode config = body.get("ProcessorConfig");
    if (config == null) return;
    JsonNode mode = config.get("Mode");
    if (mode != null && "DISTRIBUTED".equals(mode.asString())) {
      f.addAll(
          java.util.List.of(
              new Diagnostic(
                  Codes.UNSUPPORTED,
                  "Distributed Map is not supported yet",
                  pointer + "/ProcessorConfig/Mode")));
    }
  }
}
