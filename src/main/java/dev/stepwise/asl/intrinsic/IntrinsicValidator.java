package dev.stepwise.asl.intrinsic;

import dev.stepwise.asl.intrinsic.Expression.FunctionCall;
import dev.stepwise.asl.intrinsic.Expression.PathArgument;
import dev.stepwise.asl.intrinsic.Expression.StringLiteral;
import dev.stepwise.asl.intrinsic.StringFunctions.FormatTemplate;
import dev.stepwise.asl.path.JsonPathQuery;
import java.util.ArrayList;
import java.util.List;

/** Finds the problems of a parsed expression that show without running it. */
final class IntrinsicValidator {
  /** AWS allows up to 10 nested intrinsic functions in one field. */
  static final int MAX_NESTING = 10;

  private final List<String> problems = new ArrayList<>();
  private boolean tooDeep;

  private IntrinsicValidator() {}

  /** One sentence per problem; empty when the expression can run. */
  static List<String> problems(FunctionCall call) {
    var validator = new IntrinsicValidator();
    validator.check(call, 1);
    return validator.problems;
  }

  private void check(Expression expression, int depth) {
    switch (expression) {
      case FunctionCall call -> checkCall(call, depth);
      case PathArgument path -> {
        if (!isValidPath(path.path())) {
          problems.add("The argument '" + path.path() + "' is not a valid JSONPath");
        }
      }
      default -> {}
    }
  }

  private void checkCall(FunctionCall call, int depth) {
    if (depth > MAX_NESTING && !tooDeep) {
      tooDeep = true;
      problems.add("More than " + MAX_NESTING + " intrinsic functions are nested");
    }
    var function = FunctionTable.find(call.name());
    int count = call.arguments().size();
    if (function.isEmpty()) {
      problems.add("Unknown intrinsic function '" + call.name() + "'");
    } else if (!function.get().accepts(count)) {
      problems.add(
          call.name() + " takes " + function.get().expectedArguments() + " but was given " + count);
    } else if (call.name().equals("States.Format")
        && call.arguments().getFirst() instanceof StringLiteral template) {
      int placeholders = FormatTemplate.ofLiteral(template.source()).placeholders();
      if (placeholders != count - 1) {
        problems.add(
            "The format string of States.Format has "
                + placeholders
                + " placeholders but "
                + (count - 1)
                + " values are given");
      }
    }
    for (Expression argument : call.arguments()) check(argument, depth + 1);
  }

  /** A variable path ({@code $name.a}) is checked as the JSONPath after the variable's name. */
  private static boolean isValidPath(String path) {
    if (path.length() > 1 && isVariableStart(path.charAt(1))) {
      int end = 1;
      while (end < path.length() && isVariablePart(path.charAt(end))) end++;
      return JsonPathQuery.isValid("$" + path.substring(end));
    }
    return JsonPathQuery.isValid(path);
  }

  private static boolean isVariableStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isVariablePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
