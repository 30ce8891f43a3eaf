package dev.stepwise.asl.intrinsic;

/**
 * One token of an intrinsic expression. For a string, {@code text} is the unescaped value and
 * {@code source} the text between the quotes as written; otherwise both are the token's text.
 */
record Token(Kind kind, String text, String source, int position) {

  enum Kind {
    FUNCTION_NAME,
    OPEN_PAREN,
    CLOSE_PAREN,
    COMMA,
    STRING,
    NUMBER,
    PATH,
    TRUE,
    FALSE,
    NULL,
    END
  }

  String describe() {
    return kind == Kind.END ? "end of expression" : "'" + source + "'";
  }
}
