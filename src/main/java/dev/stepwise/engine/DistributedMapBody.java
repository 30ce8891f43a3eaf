package dev.stepwise.engine;

import dev.stepwise.asl.ErrorNames;
import dev.stepwise.asl.Json;
import dev.stepwise.asl.StatesError;
import dev.stepwise.asl.jsonata.JsonataScope;
import dev.stepwise.asl.model.DistributedMap;
import dev.stepwise.asl.model.MapState;
import dev.stepwise.asl.path.Bindings;
import dev.stepwise.asl.path.PathNotFound;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A distributed Map: resolves its settings (reader limit, batching, tolerances), groups the item
 * inputs into child execution inputs and asks the runtime to start a {@link Fork} of child
 * executions.
 */
final class DistributedMapBody {
  private DistributedMapBody() {}

  /** The distributed settings with every path or expression evaluated. */
  record Settings(
      Long maxItems,
      Long maxItemsPerBatch,
      Long maxBytesPerBatch,
      Object batchInput,
      Long toleratedFailureCount,
      Double toleratedFailurePercentage) {}

  static Settings settings(MapState map, Bindings effective) {
    DistributedMap d = map.distributed();
    var batcher = d.batcher();
    return new Settings(
        value(d.maxItems(), d.maxItemsPath(), "MaxItemsPath", effective),
        batcher == null
            ? null
            : value(batcher.maxItems(), batcher.maxItemsPath(), "MaxItemsPerBatchPath", effective),
        batcher == null
            ? null
            : value(
                batcher.maxBytes(), batcher.maxBytesPath(), "MaxInputBytesPerBatchPath", effective),
        batcher == null || batcher.batchInput() == null
            ? null
            : batcher.batchInput().evaluate(effective),
        value(
            d.toleratedFailureCount(),
            d.toleratedFailureCountPath(),
            "ToleratedFailureCountPath",
            effective),
        percentage(d, effective));
  }

  static Settings settings(MapState map, JsonataScope scope) {
    DistributedMap d = map.distributed();
    var batcher = d.batcher();
    var template = batcher == null ? null : batcher.jsonataBatchInput();
    return new Settings(
        d.maxItems(),
        batcher == null ? null : batcher.maxItems(),
        batcher == null ? null : batcher.maxBytes(),
        template == null ? null : template.evaluate(scope, "BatchInput"),
        JsonataMap.toleratedFailureCount(map, scope, d.toleratedFailureCount()),
        JsonataMap.toleratedFailurePercentage(map, scope, d.toleratedFailurePercentage()));
  }

  static List<?> limit(List<?> items, Settings settings) {
    Long max = settings.maxItems();
    return max == null || max == 0 || items.size() <= max
        ? items
        : items.subList(0, max.intValue());
  }

  /** Starts the child executions, one per item input or per batch of them. */
  static Run.Flow start(
      Run run,
      MapState map,
      Token token,
      List<Object> itemInputs,
      int maxConcurrency,
      Settings settings) {
    List<Object> inputs = batches(itemInputs, settings);
    var children = new ArrayList<Token>(inputs.size());
    for (Object input : inputs) {
      // A child execution does not see the parent's variables.
      children.add(Token.start(map.name(), run.startAt(map.name()), input));
    }
    String label = map.distributed().label() != null ? map.distributed().label() : map.name();
    var plan =
        new Fork.Plan(
            Fork.Kind.DISTRIBUTED_MAP,
            map.name(),
            label,
            children.size(),
            maxConcurrency,
            settings.toleratedFailureCount(),
            settings.toleratedFailurePercentage());
    return run.done(
        token.with(Phase.FORK, ForkBody.pending(plan)), new Effect.StartFork(children, plan));
  }

  static List<Object> batches(List<Object> itemInputs, Settings settings) {
    if (settings.maxItemsPerBatch() == null && settings.maxBytesPerBatch() == null)
      return itemInputs;
    long maxItems =
        settings.maxItemsPerBatch() == null || settings.maxItemsPerBatch() == 0
            ? Long.MAX_VALUE
            : settings.maxItemsPerBatch();
    long maxBytes =
        settings.maxBytesPerBatch() == null || settings.maxBytesPerBatch() == 0
            ? Long.MAX_VALUE
            : settings.maxBytesPerBatch();
    // The bytes measured are those of the batch's items array, as JSON.
    var batches = new ArrayList<Object>();
    var batch = new ArrayList<Object>();
    long bytes = 1;
    for (Object item : itemInputs) {
      long size = Json.write(item).getBytes(StandardCharsets.UTF_8).length + 1;
      if (!batch.isEmpty() && (batch.size() >= maxItems || bytes + size > maxBytes)) {
        batches.add(batchInput(batch, settings));
        batch = new ArrayList<>();
        bytes = 1;
      }
      batch.add(item);
      bytes += size;
    }
    if (!batch.isEmpty()) batches.add(batchInput(batch, settings));
    return batches;
  }

  private static Object batchInput(List<Object> items, Settings settings) {
    var input = new LinkedHashMap<String, Object>();
    if (settings.batchInput() != null) input.put("BatchInput", settings.batchInput());
    input.put("Items", List.copyOf(items));
    return input;
  }

  private static Double percentage(DistributedMap d, Bindings effective) {
    if (d.toleratedFailurePercentagePath() == null) return d.toleratedFailurePercentage();
    Object value = read(effective, d.toleratedFailurePercentagePath());
    if (!Json.isNumber(value)
        || ((Number) value).doubleValue() < 0
        || ((Number) value).doubleValue() > 100) {
      throw StatesError.runtime(
          "The ToleratedFailurePercentagePath field refers to value \""
              + Json.write(value)
              + "\" which is not a valid percentage: "
              + d.toleratedFailurePercentagePath());
    }
    return ((Number) value).doubleValue();
  }

  private static Long value(Long literal, String path, String field, Bindings effective) {
    if (path == null) return literal;
    Object value = read(effective, path);
    // AWS also takes a string that holds an integer.
    if (value instanceof String text && text.matches("\\d{1,18}")) value = Long.parseLong(text);
    if (!Json.isIntegral(value) || ((Number) value).longValue() < 0) {
      throw StatesError.runtime(
          "The "
              + field
              + " field refers to value \""
              + Json.write(value)
              + "\" which is not a valid integer: "
              + path);
    }
    return ((Number) value).longValue();
  }

  private static Object read(Bindings effective, String path) {
    try {
      return effective.read(path);
    } catch (PathNotFound e) {
      throw new StatesError(ErrorNames.RUNTIME, "Invalid path '" + path + "' : " + e.getMessage());
    }
  }
}
