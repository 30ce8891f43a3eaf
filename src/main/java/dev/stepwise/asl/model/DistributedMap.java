package dev.stepwise.asl.model;

/**
 * The settings of a Map state in distributed mode, where each item (or batch of items) runs as a
 * child execution. A value and its {@code …Path} form are exclusive; both null means unset.
 *
 * @param label names the map run and its child executions ({@code Label}, else the state's name)
 * @param maxItems {@code ItemReader.ReaderConfig.MaxItems}: only the first items are processed
 * @param batcher {@code ItemBatcher}, or null for one item per child execution
 * @param toleratedFailureCount failed children the map run survives; with the percentage unset too,
 *     none
 */
public record DistributedMap(
    String label,
    Long maxItems,
    String maxItemsPath,
    ItemBatcher batcher,
    Long toleratedFailureCount,
    String toleratedFailureCountPath,
    Double toleratedFailurePercentage,
    String toleratedFailurePercentagePath) {

  /**
   * {@code ItemBatcher}: batches end at {@code MaxItemsPerBatch} items or before passing {@code
   * MaxInputBytesPerBatch}. {@code batchInput} is a payload template (JSONPath states) or a JSONata
   * template; its value is the child input's {@code BatchInput}.
   */
  public record ItemBatcher(
      Long maxItems,
      String maxItemsPath,
      Long maxBytes,
      String maxBytesPath,
      PayloadTemplate batchInput,
      dev.stepwise.asl.jsonata.Template jsonataBatchInput) {}
}
