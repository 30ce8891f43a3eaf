package dev.stepwise.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Nearest-rank percentiles of a sample. */
final class Percentiles {
  private final List<Double> sorted;

  Percentiles(List<Double> values) {
    sorted = new ArrayList<>(values);
    Collections.sort(sorted);
  }

  double at(double percentile) {
    if (sorted.isEmpty()) return Double.NaN;
    int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }
}
