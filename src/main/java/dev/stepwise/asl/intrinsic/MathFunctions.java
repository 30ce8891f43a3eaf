package dev.stepwise.asl.intrinsic;

import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;

/** States.MathAdd and States.MathRandom; both round non-integer arguments first, as AWS does. */
final class MathFunctions {
  private MathFunctions() {}

  static List<IntrinsicFunction> functions() {
    return List.of(
        IntrinsicFunction.of("States.MathAdd", 2, MathFunctions::add),
        new IntrinsicFunction("States.MathRandom", 2, 3, MathFunctions::random));
  }

  private static Object add(Arguments args) {
    return integral((long) args.integer(0) + args.integer(1));
  }

  /** A number from start (inclusive) to end (exclusive); the same seed gives the same number. */
  private static Object random(Arguments args) {
    long start = args.integer(0);
    long end = args.integer(1);
    RandomGenerator generator = args.size() == 3 ? new Random(args.integer(2)) : args.random();
    if (end < start) {
      throw args.failure("the end " + end + " is less than the start " + start);
    }
    if (end == start) return integral(start);
    return integral(start + generator.nextLong(end - start));
  }

  /** An Integer when it fits, so results look like numbers parsed from JSON. */
  private static Number integral(long value) {
    if (value == (int) value) return (int) value;
    return value;
  }
}
