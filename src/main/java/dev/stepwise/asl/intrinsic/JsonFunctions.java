package dev.stepwise.asl.intrinsic;

import dev.stepwise.asl.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** States.StringToJson, States.JsonToString and States.JsonMerge. */
final class JsonFunctions {
  private JsonFunctions() {}

  static List<IntrinsicFunction> functions() {
    return List.of(
        IntrinsicFunction.of("States.StringToJson", 1, JsonFunctions::stringToJson),
        IntrinsicFunction.of("States.JsonToString", 1, args -> Json.write(args.value(0))),
        IntrinsicFunction.of("States.JsonMerge", 3, JsonFunctions::merge));
  }

  /** AWS turns an empty or blank string into null rather than failing. */
  private static Object stringToJson(Arguments args) {
    String text = args.string(0);
    if (text.isBlank()) return null;
    try {
      return Json.parse(text);
    } catch (IllegalArgumentException e) {
      throw args.failure("the string is not valid JSON: " + e.getMessage());
    }
  }

  /** Only the shallow merge exists on AWS: a key of the second object replaces the first's. */
  private static Object merge(Arguments args) {
    Map<String, Object> first = args.object(0);
    Map<String, Object> second = args.object(1);
    if (args.bool(2)) {
      throw args.failure("deep merge is not supported, the third argument must be false");
    }
    var merged = new LinkedHashMap<String, Object>(first);
    merged.putAll(second);
    return merged;
  }
}
