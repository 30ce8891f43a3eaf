package dev.stepwise.asl.intrinsic;

import static dev.stepwise.asl.intrinsic.IntrinsicFunction.UNBOUNDED;

import dev.stepwise.asl.intrinsic.Expression.StringLiteral;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** States.Format and States.StringSplit. */
final class StringFunctions {
  private StringFunctions() {}

  static List<IntrinsicFunction> functions() {
    return List.of(
        new IntrinsicFunction("States.Format", 1, UNBOUNDED, StringFunctions::format),
        IntrinsicFunction.of("States.StringSplit", 2, StringFunctions::split));
  }

  private static Object format(Arguments args) {
    FormatTemplate template =
        args.expression(0) instanceof StringLiteral literal
            ? FormatTemplate.ofLiteral(literal.source())
            : FormatTemplate.ofText(args.string(0));
    int values = args.size() - 1;
    if (template.placeholders() != values) {
      throw args.failure(
          "the format string has "
              + template.placeholders()
              + " placeholders but "
              + values
              + " values were given");
    }
    return template.render(args.values().subList(1, args.size()));
  }

  /** Every character of the second argument is a delimiter; empty pieces are dropped, as on AWS. */
  private static Object split(Arguments args) {
    String text = args.string(0);
    String delimiters = args.string(1);
    var pieces = new ArrayList<Object>();
    var piece = new StringBuilder();
    text.codePoints()
        .forEach(
            c -> {
              if (delimiters.indexOf(c) >= 0) {
                if (!piece.isEmpty()) pieces.add(piece.toString());
                piece.setLength(0);
              } else {
                piece.appendCodePoint(c);
              }
            });
    if (!piece.isEmpty()) pieces.add(piece.toString());
    return pieces;
  }

  /** The text around the {@code {}} placeholders of a States.Format string. */
  record FormatTemplate(List<String> texts) {

    /** A template as written in a literal, where {@code \{} and {@code \}} are plain braces. */
    static FormatTemplate ofLiteral(String source) {
      var texts = new ArrayList<String>();
      var text = new StringBuilder();
      for (int i = 0; i < source.length(); i++) {
        char c = source.charAt(i);
        if (c == '\\' && i + 1 < source.length()) {
          text.append(source.charAt(++i));
        } else if (c == '{' && i + 1 < source.length() && source.charAt(i + 1) == '}') {
          texts.add(text.toString());
          text.setLength(0);
          i++;
        } else {
          text.append(c);
        }
      }
      texts.add(text.toString());
      return new FormatTemplate(texts);
    }

    /** A template read from a path at run time: there is no escaping, every {@code {}} counts. */
    static FormatTemplate ofText(String text) {
      return new FormatTemplate(List.of(text.split("\\{}", -1)));
    }

    int placeholders() {
      return texts.size() - 1;
    }

    String render(List<Object> values) {
      var out = new StringBuilder(texts.getFirst());
      for (int i = 0; i < values.size(); i++) {
        render(values.get(i), out);
        out.append(texts.get(i + 1));
      }
      return out.toString();
    }

    /**
     * Strings are inserted as they are; objects and arrays the way Java prints maps and lists
     * ({@code {a=1, b=[]}}), which is what AWS produces.
     */
    private static void render(Object value, StringBuilder out) {
      if (value instanceof Map<?, ?> map) {
        out.append('{');
        String separator = "";
        for (var entry : map.entrySet()) {
          out.append(separator).append(entry.getKey()).append('=');
          render(entry.getValue(), out);
          separator = ", ";
        }
        out.append('}');
      } else if (value instanceof List<?> list) {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
          if (i > 0) out.append(", ");
          render(list.get(i), out);
        }
        out.append(']');
      } else {
        out.append(value);
      }
    }
  }
}
