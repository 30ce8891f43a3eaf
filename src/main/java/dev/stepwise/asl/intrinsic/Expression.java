package dev.stepwise.asl.intrinsic;

import java.util.List;

/** A parsed intrinsic function expression: a call whose arguments are literals, paths or calls. */
sealed interface Expression {

  /** A number, boolean or {@code null} literal. */
  record Literal(Object value) implements Expression {}

  /**
   * A single-quoted string literal. {@code source} keeps the text as written, because {@code
   * States.Format} must tell an escaped brace ({@code \{}) from a placeholder brace.
   */
  record StringLiteral(String value, String source) implements Expression {}

  /** A path into the input ({@code $.a}), the context object ({@code $$.a}) or a variable. */
  record PathArgument(String path) implements Expression {}

  record FunctionCall(String name, List<Expression> arguments, int position)
      implements Expression {}
}
