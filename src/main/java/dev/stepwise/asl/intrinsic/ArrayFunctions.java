package dev.stepwise.asl.intrinsic;

import static dev.stepwise.asl.intrinsic.IntrinsicFunction.UNBOUNDED;

import dev.stepwise.asl.EvaluationBudget;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** States.Array, States.ArrayPartition, ...: building and inspecting arrays. */
final class ArrayFunctions {
  private static final int MAX_RANGE_ITEMS = 1000;

  private ArrayFunctions() {}

  static List<IntrinsicFunction> functions() {
    return List.of(
        new IntrinsicFunction("States.Array", 0, UNBOUNDED, args -> new ArrayList<>(args.values())),
        IntrinsicFunction.of("States.ArrayPartition", 2, ArrayFunctions::partition),
        IntrinsicFunction.of("States.ArrayContains", 2, ArrayFunctions::contains),
        IntrinsicFunction.of("States.ArrayRange", 3, ArrayFunctions::range),
        IntrinsicFunction.of("States.ArrayGetItem", 2, ArrayFunctions::getItem),
        IntrinsicFunction.of("States.ArrayLength", 1, args -> args.array(0).size()),
        IntrinsicFunction.of("States.ArrayUnique", 1, ArrayFunctions::unique));
  }

  private static Object partition(Arguments args) {
    List<Object> array = args.array(0);
    int size = args.integer(1);
    if (size <= 0) {
      throw args.failure("the chunk size must be a positive integer, but is " + size);
    }
    var chunks = new ArrayList<Object>();
    for (int start = 0; start < array.size(); start += size) {
      chunks.add(new ArrayList<>(array.subList(start, Math.min(start + size, array.size()))));
    }
    return chunks;
  }

  private static Object contains(Arguments args) {
    List<Object> array = args.array(0);
    Object wanted = args.value(1);
    return array.stream().anyMatch(item -> sameJson(item, wanted));
  }

  private static Object range(Arguments args) {
    long start = args.integer(0);
    long end = args.integer(1);
    long step = args.integer(2);
    if (step == 0) throw args.failure("the step must not be 0");
    boolean empty = step > 0 ? end < start : end > start;
    long count = empty ? 0 : (end - start) / step + 1;
    if (count > MAX_RANGE_ITEMS) {
      throw args.failure(
          "the range has " + count + " items, more than the maximum of " + MAX_RANGE_ITEMS);
    }
    var items = new ArrayList<Object>((int) count);
    for (long i = 0; i < count; i++) items.add((int) (start + i * step));
    return items;
  }

  private static Object getItem(Arguments args) {
    List<Object> array = args.array(0);
    int index = args.wholeNumber(1);
    if (index < 0 || index >= array.size()) {
      throw args.failure(
          "the index " + index + " is out of bounds for an array of length " + array.size());
    }
    return array.get(index);
  }

  private static Object unique(Arguments args) {
    var unique = new ArrayList<Object>();
    var budget = EvaluationBudget.current();
    for (Object item : args.array(0)) {
      budget.tick(); // quadratic in the array's length
      if (unique.stream().noneMatch(seen -> sameJson(seen, item))) unique.add(item);
    }
    return unique;
  }

  /** JSON equality: numbers by value (1 equals 1.0), objects regardless of key order. */
  static boolean sameJson(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) return false;
      for (int i = 0; i < x.size(); i++) {
        if (!sameJson(x.get(i), y.get(i))) return false;
      }
      return true;
    }
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      if (x.size() != y.size()) return false;
      for (var entry : x.entrySet()) {
        if (!y.containsKey(entry.getKey())) return false;
        if (!sameJson(entry.getValue(), y.get(entry.getKey()))) return false;
      }
      return true;
    }
    return a == null ? b == null : a.equals(b);
  }
}
