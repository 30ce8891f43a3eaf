package dev.stepwise.asl.intrinsic;

import dev.stepwise.asl.Hashes;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** States.Base64Encode, States.Base64Decode and States.Hash. */
final class EncodingFunctions {
  private static final int MAX_INPUT_LENGTH = 10_000;

  private EncodingFunctions() {}

  static List<IntrinsicFunction> functions() {
    return List.of(
        IntrinsicFunction.of("States.Base64Encode", 1, EncodingFunctions::encode),
        IntrinsicFunction.of("States.Base64Decode", 1, EncodingFunctions::decode),
        IntrinsicFunction.of("States.Hash", 2, EncodingFunctions::hash));
  }

  private static Object encode(Arguments args) {
    byte[] bytes = limitedString(args, 0).getBytes(StandardCharsets.UTF_8);
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static Object decode(Arguments args) {
    try {
      byte[] bytes = Base64.getDecoder().decode(limitedString(args, 0));
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw args.failure("the string is not valid Base64: " + e.getMessage());
    }
  }

  private static Object hash(Arguments args) {
    String data = limitedString(args, 0);
    String algorithm = args.string(1);
    if (!Hashes.ALGORITHMS.contains(algorithm)) {
      throw args.failure(
          "the algorithm must be one of "
              + String.join(", ", Hashes.ALGORITHMS)
              + ", not "
              + algorithm);
    }
    return Hashes.hex(algorithm, data);
  }

  private static String limitedString(Arguments args, int index) {
    String value = args.string(index);
    if (value.length() > MAX_INPUT_LENGTH) {
      throw args.failure(
          "argument "
              + (index + 1)
              + " has "
              + value.length()
              + " characters, more than the maximum of "
              + MAX_INPUT_LENGTH);
    }
    return value;
  }
}
