package dev.stepwise.asl.model;

/**
 * A Map state ({@code ItemProcessor} or the legacy {@code Iterator}). {@code itemSelector} is
 * {@code ItemSelector} or the legacy {@code Parameters}; {@code maxConcurrency} 0 means no limit;
 * {@code distributed} is null for an inline Map.
 */
public record MapState(
    String name,
    IoPaths io,
    StateMachine itemProcessor,
    String itemsPath,
    PayloadTemplate itemSelector,
    int maxConcurrency,
    String maxConcurrencyPath,
    PayloadTemplate resultSelector,
    ResultPath resultPath,
    ErrorHandling errors,
    Transition transition,
    Dataflow flow,
    DistributedMap distributed)
    implements State {
  @Override
  public String type() {
    return "Map";
  }
}
