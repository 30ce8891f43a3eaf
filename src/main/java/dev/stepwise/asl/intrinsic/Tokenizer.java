package dev.stepwise.asl.intrinsic;

import dev.stepwise.asl.intrinsic.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits an intrinsic expression into tokens. */
final class Tokenizer {
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
  private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

  private final String text;
  private int index;

  private Tokenizer(String text) {
    this.text = text;
  }

  static List<Token> tokenize(String text) {
    return new Tokenizer(text).all();
  }

  private List<Token> all() {
    var tokens = new ArrayList<Token>();
    while (true) {
      skipWhitespace();
      if (index >= text.length()) {
        tokens.add(new Token(Kind.END, "", "", index));
        return tokens;
      }
      tokens.add(next());
    }
  }

  private Token next() {
    int start = index;
    char c = text.charAt(index);
    switch (c) {
      case '(' -> {
        index++;
        return new Token(Kind.OPEN_PAREN, "(", "(", start);
      }
      case ')' -> {
        index++;
        return new Token(Kind.CLOSE_PAREN, ")", ")", start);
      }
      case ',' -> {
        index++;
        return new Token(Kind.COMMA, ",", ",", start);
      }
      case '\'' -> {
        return string();
      }
      case '$' -> {
        return path();
      }
      default -> {}
    }
    Matcher number = NUMBER.matcher(text).region(index, text.length());
    if ((c == '-' || Character.isDigit(c)) && number.lookingAt()) {
      index = number.end();
      return new Token(Kind.NUMBER, number.group(), number.group(), start);
    }
    Matcher word = WORD.matcher(text).region(index, text.length());
    if (word.lookingAt()) {
      index = word.end();
      String w = word.group();
      Kind kind =
          switch (w) {
            case "true" -> Kind.TRUE;
            case "false" -> Kind.FALSE;
            case "null" -> Kind.NULL;
            default -> Kind.FUNCTION_NAME;
          };
      return new Token(kind, w, w, start);
    }
    throw new IntrinsicSyntaxException("Unexpected character '" + c + "'", start);
  }

  /** A single-quoted literal; only {@code \' \{ \} \\} are escapes, as AWS defines them. */
  private Token string() {
    int start = index++;
    var value = new StringBuilder();
    while (index < text.length()) {
      char c = text.charAt(index);
      if (c == '\'') {
        index++;
        return new Token(
            Kind.STRING, value.toString(), text.substring(start + 1, index - 1), start);
      }
      if (c == '\\') {
        if (index + 1 >= text.length()) break;
        char escaped = text.charAt(index + 1);
        if ("'{}\\".indexOf(escaped) < 0) {
          throw new IntrinsicSyntaxException(
              "Invalid escape sequence '\\" + escaped + "' in string literal", index);
        }
        value.append(escaped);
        index += 2;
        continue;
      }
      value.append(c);
      index++;
    }
    throw new IntrinsicSyntaxException("Unterminated string literal", start);
  }

  /**
   * A path runs to the next top-level comma, closing parenthesis or whitespace; brackets,
   * parentheses and quotes inside it (filters such as {@code [?(@.a == 'x, y')]}) are skipped.
   */
  private Token path() {
    int start = index;
    int depth = 0;
    char quote = 0;
    while (index < text.length()) {
      char c = text.charAt(index);
      if (quote != 0) {
        if (c == '\\' && index + 1 < text.length()) index++;
        else if (c == quote) quote = 0;
      } else if (depth > 0 && (c == '\'' || c == '"')) {
        quote = c;
      } else if (c == '[' || c == '(') {
        depth++;
      } else if (c == ']' || c == ')') {
        if (depth == 0) break;
        depth--;
      } else if (depth == 0 && (c == ',' || Character.isWhitespace(c))) {
        break;
      }
      index++;
    }
    if (quote != 0 || depth != 0) {
      throw new IntrinsicSyntaxException("Unterminated path", start);
    }
    String path = text.substring(start, index);
    return new Token(Kind.PATH, path, path, start);
  }

  private void skipWhitespace() {
    while (index < text.length() && Character.isWhitespace(text.charAt(index))) index++;
  }
}
