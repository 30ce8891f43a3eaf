package dev.stepwise.asl.choice;

import dev.stepwise.asl.path.Bindings;

/** What a comparison compares its {@code Variable} with: a literal, or a value read by a path. */
sealed interface Operand {

  /**
   * The operand in the form its operator compares, or null when a path selected a value of the
   * wrong type (the comparison is then false).
   */
  Object resolve(Bindings bindings);

  /** A value written in the rule, coerced when the rule was parsed. */
  record Literal(Object value) implements Operand {
    @Override
    public Object resolve(Bindings bindings) {
      return value;
    }
  }

  /** A {@code …Path} operand. */
  record PathValue(ConditionPath path, OperandType type) implements Operand {
    @Override
    public Object resolve(Bindings bindings) {
      return type.coerce(path.read(bindings));
    }
  }
}
