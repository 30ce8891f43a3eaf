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

/**
 * Reads a Map state, in its current ({@code ItemProcessor}) or legacy form; the fields of the
 * distributed mode are read by {@link DistributedMapParser}.
 */
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
    boolean distributed = false;
    if (processor != null && iterator != null) {
      f.error("Iterator", Codes.TYPE, "Use 'ItemProcessor' or 'Iterator', not both");
    } else if (processor == null && iterator == null) {
      f.error(Codes.MISSING_FIELD, "A Map state needs 'ItemProcessor'");
    } else {
      JsonNode body = processor != null ? processor : iterator;
      distributed = processorConfig(body, f.pointer(processorField), f);
      var local = new ArrayList<Diagnostic>();
      itemProcessor = AslParser.parseMachine(body, f.pointer(processorField), false, local, names);
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
        flow.expression("MaxConcurrency")
            ? null
            : f.integer("MaxConcurrency", 0, Integer.MAX_VALUE);
    String maxConcurrencyPath = f.path("MaxConcurrencyPath", null);
    if (maxConcurrency != null && maxConcurrencyPath != null) {
      f.error("MaxConcurrencyPath", Codes.TYPE, "Use 'MaxConcurrency' or 'MaxConcurrencyPath'");
    }
    if (f.has("ResultWriter")) {
      f.error(
          "ResultWriter",
          Codes.UNSUPPORTED,
          "A 'ResultWriter' (S3)" + DistributedMapParser.S3_OUT_OF_SCOPE);
    }
    var distributedMap = distributed ? DistributedMapParser.parse(f, flow) : null;
    if (!distributed) refuseDistributedFields(f, flow);
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
        flow.build("Map"),
        distributedMap);
  }

  /**
   * An inline Map takes none of the distributed mode's fields. {@code ToleratedFailureCount}/{@code
   * …Percentage} are the exception in JSONata states: AWS evaluates them for inline maps too (the
   * interpreter checks their values but fails the Map on the first failed iteration).
   */
  private static void refuseDistributedFields(ObjectFields f, DataflowParser flow) {
    for (String field :
        new String[] {
          "ItemReader",
          "ItemBatcher",
          "Label",
          "ToleratedFailurePercentagePath",
          "ToleratedFailureCountPath"
        }) {
      if (f.has(field)) refuseInline(f, field);
    }
    for (String field : new String[] {"ToleratedFailureCount", "ToleratedFailurePercentage"}) {
      if (!flow.jsonata()) {
        if (f.has(field)) refuseInline(f, field);
      } else if (!flow.expression(field)) {
        f.number(field, 0);
      }
    }
  }

  private static void refuseInline(ObjectFields f, String field) {
    f.error(
        field,
        Codes.UNSUPPORTED,
        "'"
            + field
            + "' is only allowed in a distributed Map (ItemProcessor.ProcessorConfig.Mode"
            + " DISTRIBUTED)");
  }

  /** Checks {@code ProcessorConfig}; true when it asks for the distributed mode. */
  private static boolean processorConfig(JsonNode body, String pointer, ObjectFields f) {
    if (body == null || !body.isObject()) return false;
    JsonNode config = body.get("ProcessorConfig");
    if (config == null) return false;
    String at = pointer + "/ProcessorConfig";
    var problems = new ArrayList<Diagnostic>();
    if (!config.isObject()) {
      problems.add(new Diagnostic(Codes.TYPE, "'ProcessorConfig' must be an object", at));
      f.addAll(problems);
      return false;
    }
    var fields = new ObjectFields(config, at, problems);
    String mode = fields.string("Mode", false);
    boolean distributed = "DISTRIBUTED".equals(mode);
    if (mode != null && !distributed && !"INLINE".equals(mode)) {
      fields.error("Mode", Codes.TYPE, "'Mode' must be INLINE or DISTRIBUTED");
    }
    String type = fields.string("ExecutionType", distributed);
    if (type != null && !type.equals("STANDARD") && !type.equals("EXPRESS")) {
      fields.error("ExecutionType", Codes.TYPE, "'ExecutionType' must be STANDARD or EXPRESS");
    } else if (type != null && !distributed) {
      fields.error(
          "ExecutionType", Codes.TYPE, "'ExecutionType' is only allowed in DISTRIBUTED mode");
    }
    fields.rejectUnknown("a ProcessorConfig");
    f.addAll(problems);
    return distributed;
  }
}
