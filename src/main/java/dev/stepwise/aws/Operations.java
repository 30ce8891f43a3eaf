package dev.stepwise.aws;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** Every operation of the wire API by name, gathered from the operation groups. */
@Component
class Operations {
  private final Map<String, Operation<?>> byName = new TreeMap<>();

  Operations(List<OperationGroup> groups) {
    for (OperationGroup group : groups) {
      for (Operation<?> operation : group.operations()) {
        if (byName.putIfAbsent(operation.name(), operation) != null) {
          throw new IllegalStateException("Operation " + operation.name() + " is declared twice");
        }
      }
    }
  }

  Optional<Operation<?>> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The names, in order (the documentation lists them). */
  List<String> names() {
    return List.copyOf(byName.keySet());
  }
}
