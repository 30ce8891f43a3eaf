package dev.stepwise.asl.intrinsic;

import com.jayway.jsonpath.JsonPathException;
import dev.stepwise.asl.ErrorNames;
import dev.stepwise.asl.EvaluationBudget;
import dev.stepwise.asl.StatesError;
import dev.stepwise.asl.intrinsic.Expression.FunctionCall;
import dev.stepwise.asl.intrinsic.Expression.Literal;
import dev.stepwise.asl.intrinsic.Expression.PathArgument;
import dev.stepwise.asl.intrinsic.Expression.StringLiteral;
import dev.stepwise.asl.path.Bindings;
import dev.stepwise.asl.path.PathNotFound;
import java.util.ArrayList;

/** Evaluates a parsed expression against the values a state can read. */
final class Evaluator {
  private Evaluator() {}

  static Object evaluate(Expression expression, Bindings bindings) {
    return switch (expression) {
      case Literal literal -> literal.value();
      case StringLiteral literal -> literal.value();
      case PathArgument path -> read(path.path(), bindings);
      case FunctionCall call -> call(call, bindings);
    };
  }

  private static Object call(FunctionCall call, Bindings bindings) {
    IntrinsicFunction function =
        FunctionTable.find(call.name())
            .orElseThrow(
                () ->
                    new StatesError(
                        ErrorNames.INTRINSIC_FAILURE,
                        "The intrinsic function '" + call.name() + "' does not exist"));
    int count = call.arguments().size();
    if (!function.accepts(count)) {
      throw new StatesError(
          ErrorNames.INTRINSIC_FAILURE,
          "Invalid arguments in "
              + call.name()
              + ": it takes "
              + function.expectedArguments()
              + " but was given "
              + count);
    }
    var values = new ArrayList<>(count);
    for (Expression argument : call.arguments()) values.add(evaluate(argument, bindings));
    var budget = EvaluationBudget.current();
    try {
      budget.tick();
      if (call.name().equals("States.Format")) {
        // Format copies all its arguments into one string: bound it before it is built.
        long size = 0;
        for (Object value : values) size += budget.sizeOf(value, null);
        budget.checkSize(size);
      }
      Object result =
          function
              .body()
              .apply(new Arguments(call.name(), call.arguments(), values, bindings.random()));
      budget.checkSize(budget.sizeOf(result, null));
      return result;
    } catch (EvaluationBudget.Exceeded e) {
      throw new StatesError(
          ErrorNames.INTRINSIC_FAILURE,
          "The evaluation of " + call.name() + " went past its bound. " + e.getMessage());
    }
  }

  private static Object read(String path, Bindings bindings) {
    try {
      return bindings.read(path);
    } catch (PathNotFound e) {
      throw new IntrinsicPathNotFoundException(path, e);
    } catch (JsonPathException e) {
      throw new StatesError(
          ErrorNames.INTRINSIC_FAILURE,
          "The path '" + path + "' could not be evaluated: " + e.getMessage());
    }
  }
}
