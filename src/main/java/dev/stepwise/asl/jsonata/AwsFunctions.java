package dev.stepwise.asl.jsonata;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Utils;
import dev.stepwise.asl.Hashes;
import dev.stepwise.asl.Json;
import dev.stepwise.asl.Uuids;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** The functions AWS adds to JSONata: $partition, $range, $hash, $random, $uuid and $parse. */
final class AwsFunctions {
  private static final int MAX_RANGE_ITEMS = 1000;

  private AwsFunctions() {}

  static void bindAll(Jsonata.Frame frame, RandomGenerator random) {
    frame.bind("partition", function("partition", AwsFunctions::partition));
    frame.bind("range", function("range", AwsFunctions::range));
    frame.bind("hash", function("hash", AwsFunctions::hash));
    frame.bind("random", function("random", args -> random(args, random)));
    frame.bind("uuid", function("uuid", args -> Uuids.v4(random)));
    frame.bind("parse", function("parse", AwsFunctions::parse));
  }

  private static Jsonata.JFunction function(String name, Jsonata.FnVarArgs<Object> body) {
    return Jsonata.function(name, body, null);
  }

  private static Object partition(List<?> args) {
    List<?> array = arg(args, 0, List.class, "partition");
    int size = integer(args, 1, "partition");
    if (size <= 0) throw new JException("The chunk size for $partition must be positive", 0);
    var chunks = new ArrayList<Object>();
    for (int start = 0; start < array.size(); start += size) {
      chunks.add(new ArrayList<>(array.subList(start, Math.min(start + size, array.size()))));
    }
    return chunks;
  }

  /** A JSONata sequence, so a one-item range is that item, as on AWS. */
  private static Object range(List<?> args) {
    long start = integer(args, 0, "range");
    long end = integer(args, 1, "range");
    long step = integer(args, 2, "range");
    if (step == 0) throw new JException("The step for $range must not be 0", 0);
    boolean empty = step > 0 ? end < start : end > start;
    long count = empty ? 0 : (end - start) / step + 1;
    if (count > MAX_RANGE_ITEMS) {
      throw new JException("$range would return more than " + MAX_RANGE_ITEMS + " items", 0);
    }
    List<Object> items = Utils.createSequence();
    for (long i = 0; i < count; i++) items.add(start + i * step);
    return items;
  }

  private static Object hash(List<?> args) {
    String data = arg(args, 0, String.class, "hash");
    String algorithm = arg(args, 1, String.class, "hash");
    if (!Hashes.ALGORITHMS.contains(algorithm)) {
      throw new JException("Unsupported hash algorithm for $hash: " + algorithm, 0);
    }
    return Hashes.hex(algorithm, data);
  }

  private static Object random(List<?> args, RandomGenerator random) {
    if (!args.isEmpty() && args.get(0) instanceof Number seed) {
      return new java.util.Random(seed.longValue()).nextDouble();
    }
    return random.nextDouble();
  }

  private static Object parse(List<?> args) {
    String text = arg(args, 0, String.class, "parse");
    try {
      return JsonataValues.toJsonata(Json.parse(text));
    } catch (RuntimeException e) {
      throw new JException("The argument of $parse is not JSON: " + text, 0);
    }
  }

  private static <T> T arg(List<?> args, int index, Class<T> type, String function) {
    Object value = index < args.size() ? args.get(index) : null;
    if (!type.isInstance(value)) {
      throw new JException(
          "Argument " + (index + 1) + " of $" + function + " must be a " + type.getSimpleName(), 0);
    }
    return type.cast(value);
  }

  private static int integer(List<?> args, int index, String function) {
    Number n = arg(args, index, Number.class, function);
    if (n.doubleValue() != Math.rint(n.doubleValue())) {
      throw new JException(
          "Argument " + (index + 1) + " of $" + function + " must be an integer", 0);
    }
    return n.intValue();
  }
}
