package dev.stepwise.asl.intrinsic;

import java.util.List;
import java.util.UUID;

/** States.UUID: a random (version 4) UUID. */
final class UniqueIdFunctions {
  private UniqueIdFunctions() {}

  static List<IntrinsicFunction> functions() {
    return List.of(IntrinsicFunction.of("States.UUID", 0, args -> UUID.randomUUID().toString()));
  }
}
