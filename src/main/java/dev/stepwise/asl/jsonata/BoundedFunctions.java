package dev.stepwise.asl.jsonata;

import com.dashjoin.jsonata.Functions;
import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replacements for the JSONata built-ins that loop or allocate inside the library, where the
 * evaluation callbacks of {@link JsonataBounds} cannot see them: {@code $pad} (the library pads in
 * quadratic time), {@code $join} and {@code $replace} (whose result can be far larger than their
 * arguments), the regular-expression functions (a pathological pattern backtracks without end),
 * {@code $reduce} (which drops its earlier accumulators, so they are not held) and {@code $eval}
 * (which must not reach the callbacks' bindings). Each checks its size before it allocates and its
 * time while it loops, then behaves as the library's own.
 */
final class BoundedFunctions {
  /** The frame bindings that carry the evaluation callbacks; no expression may rebind them. */
  static final String RESERVED = "__evaluate";

  private BoundedFunctions() {}

  static void bindAll(Jsonata.Frame frame, JsonataBounds bounds) {
    frame.bind("pad", fn("pad", args -> pad(args, bounds), "<s-ns?:s>"));
    frame.bind("join", fn("join", args -> join(args, bounds), "<a<s>s?:s>"));
    frame.bind("reduce", fn("reduce", args -> reduce(args, bounds), "<afj?:j>"));
    frame.bind("eval", fn("eval", BoundedFunctions::eval, "<sx?:x>"));
    frame.bind("replace", fn("replace", args -> replace(args, bounds), "<s-(sf)(sf)n?:s>"));
    frame.bind(
        "match",
        fn(
            "match",
            args -> {
              probe(string(args, 0), arg(args, 1), bounds);
              return Functions.match(string(args, 0), (Pattern) arg(args, 1), integer(args, 2));
            },
            "<s-f<s:o>n?:a<o>>"));
    frame.bind(
        "contains",
        fn(
            "contains",
            args -> {
              probe(string(args, 0), arg(args, 1), bounds);
              return Functions.contains(string(args, 0), arg(args, 1));
            },
            "<s-(sf):b>"));
    frame.bind(
        "split",
        fn(
            "split",
            args -> {
              probe(string(args, 0), arg(args, 1), bounds);
              return Functions.split(string(args, 0), arg(args, 1), (Number) arg(args, 2));
            },
            "<s-(sf)n?:a<s>>"));
  }

  private static Jsonata.JFunction fn(
      String name, Jsonata.FnVarArgs<Object> body, String signature) {
    return Jsonata.function(name, body, signature);
  }

  /** Whether an expression names the reserved bindings (it could switch the bounds off). */
  static boolean touchesReserved(String source) {
    return source.contains(RESERVED);
  }

  private static Object pad(List<?> args, JsonataBounds bounds) {
    String text = string(args, 0);
    if (text == null) return null;
    Number widthArg = (Number) arg(args, 1);
    String padding = string(args, 2);
    if (padding == null || padding.isEmpty()) padding = " ";
    long width = widthArg == null ? 0 : widthArg.longValue();
    long pads = Math.abs(width) - text.codePointCount(0, text.length());
    if (pads <= 0) return text;
    bounds.budget().checkSize(text.length() + pads * Math.max(1, padding.length()) + 2);
    int paddingPoints = padding.codePointCount(0, padding.length());
    String repeated = padding.repeat((int) (pads / paddingPoints + 1));
    String fill = repeated.substring(0, repeated.offsetByCodePoints(0, (int) pads));
    return width < 0 ? fill + text : text + fill;
  }

  private static Object join(List<?> args, JsonataBounds bounds) {
    @SuppressWarnings("unchecked")
    List<String> strings = (List<String>) arg(args, 0);
    if (strings == null) return null;
    String separator = string(args, 1);
    if (separator == null) separator = "";
    long size = (long) separator.length() * Math.max(0, strings.size() - 1);
    for (int i = 0; i < strings.size(); i++) {
      Object item = strings.get(i);
      size += item == null ? 4 : String.valueOf(item).length();
      if ((i & 0xFFF) == 0) bounds.budget().tick();
    }
    bounds.budget().checkSize(size);
    return Functions.join(strings, separator);
  }

  private static Object replace(List<?> args, JsonataBounds bounds) {
    String text = string(args, 0);
    if (text == null) return null;
    Object pattern = arg(args, 1);
    Object replacement = arg(args, 2);
    Integer limit = integer(args, 3);
    long matches =
        pattern instanceof String s && !s.isEmpty()
            ? occurrences(text, s)
            : probe(text, pattern, bounds);
    if (limit != null && limit >= 0) matches = Math.min(matches, limit);
    if (replacement instanceof String r) {
      // Each "$n" in the replacement may insert a whole group, at most the text's length.
      long groups = r.chars().filter(c -> c == '$').count();
      bounds.budget().checkSize(text.length() + matches * (r.length() + groups * text.length()));
    }
    return Functions.replace(text, pattern, replacement, limit);
  }

  private static long occurrences(String text, String pattern) {
    long count = 0;
    for (int at = text.indexOf(pattern);
        at >= 0;
        at = text.indexOf(pattern, at + pattern.length())) {
      count++;
    }
    return count;
  }

  /**
   * Runs a regular expression over the whole text once, through a text that checks the time as it
   * is read: a pattern that backtracks without end fails here, before the library runs it. Returns
   * how many matches there are (0 for a plain string pattern).
   */
  private static long probe(String text, Object pattern, JsonataBounds bounds) {
    if (text == null || !(pattern instanceof Pattern regex)) return 0;
    Matcher matcher = regex.matcher(new TimedText(text, bounds));
    long count = 0;
    while (matcher.find()) count++;
    return count;
  }

  private static Object reduce(List<?> args, JsonataBounds bounds) {
    Object sequence = arg(args, 0);
    if (sequence == null) return null;
    List<?> items = sequence instanceof List<?> list ? list : List.of(sequence);
    Object function = arg(args, 1);
    Object init = args.size() > 2 ? args.get(2) : null; // a JSON null is an initial value
    int arity = Functions.getFunctionArity(function);
    if (arity < 2) throw new JException("D3050", 1);
    Object result;
    int index;
    if (init == null && !items.isEmpty()) {
      result = items.get(0);
      index = 1;
    } else {
      result = init;
      index = 0;
    }
    // Only the latest accumulator is kept: the earlier ones are not held.
    long mark = bounds.holding();
    for (; index < items.size(); index++) {
      List<Object> call = new ArrayList<>(4);
      call.add(result);
      call.add(items.get(index));
      if (arity >= 3) call.add(index);
      if (arity >= 4) call.add(items);
      result = apply(function, call);
      bounds.release(mark);
      bounds.hold(bounds.sizeOf(result));
    }
    return result;
  }

  private static Object eval(List<?> args) {
    String expression = string(args, 0);
    if (expression != null && touchesReserved(expression)) {
      throw new JException("D3121", -1);
    }
    return Functions.functionEval(expression, arg(args, 1));
  }

  private static Object apply(Object function, List<Object> args) {
    try {
      return Functions.funcApply(function, args);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object arg(List<?> args, int index) {
    Object value = index < args.size() ? args.get(index) : null;
    return value == Jsonata.NULL_VALUE ? null : value;
  }

  private static String string(List<?> args, int index) {
    return arg(args, index) instanceof String s ? s : null;
  }

  private static Integer integer(List<?> args, int index) {
    return arg(args, index) instanceof Number n ? n.intValue() : null;
  }

  /** A text whose reads check the evaluation's deadline now and then. */
  private static final class TimedText implements CharSequence {
    private final String text;
    private final JsonataBounds bounds;
    private int reads;

    TimedText(String text, JsonataBounds bounds) {
      this.text = text;
      this.bounds = bounds;
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public char charAt(int index) {
      if ((++reads & 0x3FFF) == 0) bounds.budget().tick();
      return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return text.subSequence(start, end);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
