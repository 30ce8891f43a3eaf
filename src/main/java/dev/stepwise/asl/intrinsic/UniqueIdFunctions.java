package dev.stepwise.asl.intrinsic;

import dev.stepwise.asl.Uuids;
import java.util.List;

/** States.UUID: a random (version 4) UUID. */
final class UniqueIdFunctions {
  private UniqueIdFunctions() {}

  static List<IntrinsicFunction> functions() {
    return List.of(IntrinsicFunction.of("States.UUID", 0, args -> Uuids.v4(args.random())));
  }
}
