package dev.stepwise.asl.choice;

import dev.stepwise.asl.path.Bindings;

/** A rule that tests the value at {@code Variable} with one operator. */
record Comparison(ConditionPath variable, ComparisonOperator operator, Operand operand)
    implements ChoiceRule {

  @Override
  public boolean matches(Bindings bindings) {
    if (operator == ComparisonOperator.IS_PRESENT) {
      return operand.resolve(bindings).equals(variable.selectsValue(bindings));
    }
    Object actual = variable.read(bindings);
    Object expected = operand.resolve(bindings);
    return expected != null && operator.test(actual, expected);
  }
}
