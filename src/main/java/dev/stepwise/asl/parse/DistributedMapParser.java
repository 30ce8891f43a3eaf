package dev.stepwise.asl.parse;

import dev.stepwise.asl.Diagnostic;
import dev.stepwise.asl.jsonata.Template;
import dev.stepwise.asl.model.DistributedMap;
import dev.stepwise.asl.model.PayloadTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields only a distributed Map has: {@code Label}, {@code ItemReader} (over the state's
 * input; S3 readers are out of scope), {@code ItemBatcher} and the failure tolerances.
 */
final class DistributedMapParser {
  static final String S3_OUT_OF_SCOPE =
      " is out of scope: Stepwise has no S3; a distributed Map reads its items from the state's"
          + " input and returns its results in its output";
  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_-]{1,40}");
  private static final long MAX_BATCH_BYTES = 256 * 1024;

  private DistributedMapParser() {}

  static DistributedMap parse(ObjectFields f, DataflowParser flow) {
    String label = f.string("Label", false);
    if (label != null && !LABEL.matcher(label).matches()) {
      f.error("Label", Codes.TYPE, "'Label' must have 1 to 40 letters, digits, '-' or '_'");
    }
    var reader = objectFields(f, "ItemReader");
    Long maxItems = null;
    String maxItemsPath = null;
    if (reader != null) {
      if (reader.has("Resource")) {
        reader.error(
            "Resource", Codes.UNSUPPORTED, "An ItemReader 'Resource' (S3)" + S3_OUT_OF_SCOPE);
      } else {
        var config = objectFields(reader, "ReaderConfig");
        if (config != null) {
          maxItems = asLong(config.integer("MaxItems", 0, 100_000_000));
          maxItemsPath = flow.jsonata() ? null : config.path("MaxItemsPath", null);
          exclusive(config, maxItems, "MaxItems", maxItemsPath);
          config.rejectUnknown("an ItemReader's ReaderConfig over the state's input");
        }
        reader.rejectUnknown("an ItemReader over the state's input");
      }
    }
    Long count = null;
    String countPath = null;
    Double percentage = null;
    String percentagePath = null;
    if (!flow.expression("ToleratedFailureCount")) {
      count = asLong(f.integer("ToleratedFailureCount", 0, Integer.MAX_VALUE));
    }
    if (!flow.expression("ToleratedFailurePercentage")) {
      percentage = percentage(f);
    }
    if (!flow.jsonata()) {
      countPath = f.path("ToleratedFailureCountPath", null);
      percentagePath = f.path("ToleratedFailurePercentagePath", null);
      exclusive(f, count, "ToleratedFailureCount", countPath);
      exclusive(f, percentage, "ToleratedFailurePercentage", percentagePath);
    }
    return new DistributedMap(
        label,
        maxItems,
        maxItemsPath,
        batcher(f, flow),
        count,
        countPath,
        percentage,
        percentagePath);
  }

  private static DistributedMap.ItemBatcher batcher(ObjectFields f, DataflowParser flow) {
    var batcher = objectFields(f, "ItemBatcher");
    if (batcher == null) return null;
    Long maxItems = asLong(batcher.integer("MaxItemsPerBatch", 1, Integer.MAX_VALUE));
    Long maxBytes = asLong(batcher.integer("MaxInputBytesPerBatch", 1, (int) MAX_BATCH_BYTES));
    String maxItemsPath = flow.jsonata() ? null : batcher.path("MaxItemsPerBatchPath", null);
    String maxBytesPath = flow.jsonata() ? null : batcher.path("MaxInputBytesPerBatchPath", null);
    exclusive(batcher, maxItems, "MaxItemsPerBatch", maxItemsPath);
    exclusive(batcher, maxBytes, "MaxInputBytesPerBatch", maxBytesPath);
    if (maxItems == null
        && maxItemsPath == null
        && maxBytes == null
        && maxBytesPath == null
        && !batcher.has("MaxItemsPerBatch")
        && !batcher.has("MaxInputBytesPerBatch")) {
      batcher.error(
          Codes.MISSING_FIELD,
          "An ItemBatcher needs 'MaxItemsPerBatch' or 'MaxInputBytesPerBatch' (or their Path forms)");
    }
    PayloadTemplate batchInput = null;
    Template jsonataBatchInput = null;
    if (flow.jsonata()) {
      JsonNode node = batcher.node("BatchInput");
      if (node != null) {
        jsonataBatchInput = DataflowParser.template(node, batcher.pointer(), "BatchInput", batcher);
      }
    } else {
      batchInput = PayloadTemplates.read(batcher, "BatchInput");
    }
    batcher.rejectUnknown("an ItemBatcher");
    return new DistributedMap.ItemBatcher(
        maxItems, maxItemsPath, maxBytes, maxBytesPath, batchInput, jsonataBatchInput);
  }

  private static Double percentage(ObjectFields f) {
    Double value = f.number("ToleratedFailurePercentage", 0);
    if (value != null && value > 100) {
      f.error(
          "ToleratedFailurePercentage",
          Codes.RANGE,
          "'ToleratedFailurePercentage' must be between 0 and 100");
      return null;
    }
    return value;
  }

  /** The fields of an object-valued field, or null (with a diagnostic if it is no object). */
  private static ObjectFields objectFields(ObjectFields parent, String field) {
    JsonNode node = parent.node(field);
    if (node == null) return null;
    if (!node.isObject()) {
      parent.error(field, Codes.TYPE, "'" + field + "' must be an object");
      return null;
    }
    return new ObjectFields(node, parent.pointer(field), new Sink(parent));
  }

  private static void exclusive(ObjectFields f, Object value, String field, String path) {
    if (value != null && path != null) {
      f.error(field + "Path", Codes.TYPE, "Use '" + field + "' or '" + field + "Path', not both");
    }
  }

  private static Long asLong(Integer value) {
    return value == null ? null : value.longValue();
  }

  /** Passes a nested object's diagnostics on to its parent's list as they are added. */
  private static final class Sink extends ArrayList<Diagnostic> {
    private final ObjectFields parent;

    Sink(ObjectFields parent) {
      this.parent = parent;
    }

    @Override
    public boolean add(Diagnostic diagnostic) {
      parent.addAll(List.of(diagnostic));
      return true;
    }

    @Override
    public boolean addAll(java.util.Collection<? extends Diagnostic> more) {
      parent.addAll(List.copyOf(more));
      return true;
    }
  }
}
