package dev.stepwise.asl.intrinsic;

import dev.stepwise.asl.Json;
import dev.stepwise.asl.intrinsic.Expression.FunctionCall;
import dev.stepwise.asl.intrinsic.Expression.Literal;
import dev.stepwise.asl.intrinsic.Expression.PathArgument;
import dev.stepwise.asl.intrinsic.Expression.StringLiteral;
import dev.stepwise.asl.intrinsic.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive descent parser for
 *
 * <pre>
 * call     = name "(" [ argument *( "," argument ) ] ")"
 * argument = string / number / path / "true" / "false" / "null" / call
 * </pre>
 *
 * Function names are not resolved here; an unknown name is a semantic, not a syntax, error.
 */
final class IntrinsicParser {
  private final List<Token> tokens;
  private int index;

  private IntrinsicParser(List<Token> tokens) {
    this.tokens = tokens;
  }

  /** Parses a whole expression, which must be exactly one call. */
  static FunctionCall parse(String expression) throws IntrinsicSyntaxException {
    var parser = new IntrinsicParser(Tokenizer.tokenize(expression));
    FunctionCall call = parser.call();
    parser.expect(Kind.END, "end of expression");
    return call;
  }

  private FunctionCall call() {
    Token name = expect(Kind.FUNCTION_NAME, "a function name");
    expect(Kind.OPEN_PAREN, "'('");
    var arguments = new ArrayList<Expression>();
    if (peek().kind() != Kind.CLOSE_PAREN) {
      arguments.add(argument());
      while (peek().kind() == Kind.COMMA) {
        index++;
        arguments.add(argument());
      }
    }
    expect(Kind.CLOSE_PAREN, "',' or ')'");
    return new FunctionCall(name.text(), List.copyOf(arguments), name.position());
  }

  private Expression argument() {
    Token token = peek();
    return switch (token.kind()) {
      case FUNCTION_NAME -> call();
      case STRING -> {
        index++;
        yield new StringLiteral(token.text(), token.source());
      }
      case NUMBER -> {
        index++;
        // Parsed as JSON so that literals get the same Java types as numbers in the input.
        yield new Literal(Json.parse(token.text()));
      }
      case PATH -> {
        index++;
        yield new PathArgument(token.text());
      }
      case TRUE, FALSE -> {
        index++;
        yield new Literal(token.kind() == Kind.TRUE);
      }
      case NULL -> {
        index++;
        yield new Literal(null);
      }
      default ->
          throw new IntrinsicSyntaxException(
              "Expected an argument but found " + token.describe(), token.position());
    };
  }

  private Token peek() {
    return tokens.get(index);
  }

  private Token expect(Kind kind, String what) {
    Token token = peek();
    if (token.kind() != kind) {
      throw new IntrinsicSyntaxException(
          "Expected " + what + " but found " + token.describe(), token.position());
    }
    index++;
    return token;
  }
}
