package dev.stepwise.engine;

import dev.stepwise.asl.jsonata.JsonataScope;
import dev.stepwise.asl.jsonata.Template;
import dev.stepwise.asl.model.Dataflow;

/** The JSONata counterparts of {@link StateIo}: a field's value, or its default when absent. */
final class JsonataIo {
  private JsonataIo() {}

  static Object field(Dataflow flow, String name, JsonataScope scope, Object fallback) {
    Template template = flow.field(name);
    return template == null ? fallback : template.evaluate(scope, name);
  }

  /** {@code Output}; without it a state passes on {@code fallback} (its input or its result). */
  static Object output(Template output, JsonataScope scope, Object fallback) {
    return output == null ? fallback : output.evaluate(scope, "Output");
  }
}
