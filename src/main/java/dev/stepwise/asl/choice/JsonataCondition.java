package dev.stepwise.asl.choice;

import dev.stepwise.asl.jsonata.JsonataExpression;
import dev.stepwise.asl.jsonata.JsonataScope;
import dev.stepwise.asl.path.Bindings;

/**
 * The {@code Condition} of a choice rule in a JSONata state: a boolean, or an expression that must
 * evaluate to one.
 */
public record JsonataCondition(Object condition, int index) implements ChoiceRule {

  @Override
  public boolean matches(Bindings bindings) {
    if (condition instanceof Boolean literal) return literal;
    var expression = JsonataExpression.of((String) condition);
    String field = "Choices/" + index + "/Condition";
    Object value =
        expression.evaluate(
            JsonataScope.of(
                bindings.input(), bindings.context(), bindings.variables(), bindings.random()),
            field);
    if (!(value instanceof Boolean result)) {
      throw expression.unexpectedType(field, "boolean", value);
    }
    return result;
  }
}
