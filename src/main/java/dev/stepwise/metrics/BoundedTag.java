package dev.stepwise.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A cardinality guard for one tag: the first {@code max} distinct values keep their own value, any
 * later one is reported as {@value #OTHER}. Every series costs Prometheus memory for as long as it
 * is kept, and a histogram is a dozen series; a tag fed by users' names must not grow without end.
 */
final class BoundedTag {
  /** The value every value past the limit shares. */
  static final String OTHER = "_other";

  private final int max;
  private final Set<String> admitted = ConcurrentHashMap.newKeySet();

  BoundedTag(int max) {
    this.max = Math.max(0, max);
  }

  /** {@code value} itself while there is room (or it was admitted before), else {@value #OTHER}. */
  String of(String value) {
    if (value == null) return OTHER;
    if (admitted.contains(value)) return value;
    synchronized (admitted) {
      if (admitted.size() < max) admitted.add(value);
    }
    return admitted.contains(value) ? value : OTHER;
  }

  /** {@code value} if it was admitted before, else {@value #OTHER}; admits nothing. */
  String admitted(String value) {
    return value != null && admitted.contains(value) ? value : OTHER;
  }
}
