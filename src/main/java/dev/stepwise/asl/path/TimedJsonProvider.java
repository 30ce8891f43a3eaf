package dev.stepwise.asl.path;

import com.jayway.jsonpath.spi.json.Jackson3JsonProvider;
import dev.stepwise.asl.EvaluationBudget;
import tools.jackson.databind.ObjectMapper;

/**
 * Jayway's view of the JSON, checking the step's {@link EvaluationBudget} now and then: every step
 * of a path evaluation (a deep scan, a filter over every node) reads the document through here, so
 * a path that would run for long fails at the deadline.
 */
final class TimedJsonProvider extends Jackson3JsonProvider {
  private static final ThreadLocal<int[]> READS = ThreadLocal.withInitial(() -> new int[1]);

  TimedJsonProvider(ObjectMapper mapper) {
    super(mapper);
  }

  private static void read() {
    int[] reads = READS.get();
    if ((++reads[0] & 0xFF) == 0) EvaluationBudget.current().tick();
  }

  @Override
  public Object getArrayIndex(Object array, int index) {
    read();
    return super.getArrayIndex(array, index);
  }

  @Override
  public Object getMapValue(Object map, String key) {
    read();
    return super.getMapValue(map, key);
  }

  @Override
  public Iterable<?> toIterable(Object value) {
    read();
    return super.toIterable(value);
  }

  @Override
  public java.util.Collection<String> getPropertyKeys(Object value) {
    read();
    return super.getPropertyKeys(value);
  }
}
