package dev.stepwise.asl.intrinsic;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** All intrinsic functions by name. */
final class FunctionTable {
  private static final Map<String, IntrinsicFunction> FUNCTIONS =
      Stream.of(
              ArrayFunctions.functions(),
              StringFunctions.functions(),
              JsonFunctions.functions(),
              EncodingFunctions.functions(),
              MathFunctions.functions(),
              UniqueIdFunctions.functions())
          .flatMap(List::stream)
          .collect(Collectors.toUnmodifiableMap(IntrinsicFunction::name, Function.identity()));

  private FunctionTable() {}

  static Optional<IntrinsicFunction> find(String name) {
    return Optional.ofNullable(FUNCTIONS.get(name));
  }
}
