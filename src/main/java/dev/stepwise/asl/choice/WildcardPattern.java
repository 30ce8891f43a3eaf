package dev.stepwise.asl.choice;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code StringMatches} pattern: {@code *} matches any run of characters, {@code \*} a literal
 * star and {@code \\} a literal backslash; every other character, a lone backslash included, stands
 * for itself.
 */
final class WildcardPattern {
  /** The literal text between the wildcards; one more segment than there are wildcards. */
  private final List<String> segments;

  private WildcardPattern(List<String> segments) {
    this.segments = segments;
  }

  static WildcardPattern compile(String pattern) {
    var segments = new ArrayList<String>();
    var current = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length() && isEscapable(pattern.charAt(i + 1))) {
        current.append(pattern.charAt(++i));
      } else if (c == '*') {
        segments.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    segments.add(current.toString());
    return new WildcardPattern(List.copyOf(segments));
  }

  private static boolean isEscapable(char c) {
    return c == '*' || c == '\\';
  }

  boolean matches(String text) {
    String first = segments.getFirst();
    if (segments.size() == 1) return text.equals(first);
    String last = segments.getLast();
    if (text.length() < first.length() + last.length()
        || !text.startsWith(first)
        || !text.endsWith(last)) {
      return false;
    }
    // With '*' as the only wildcard, taking each middle segment at its leftmost place is enough.
    int from = first.length();
    int end = text.length() - last.length();
    for (String segment : segments.subList(1, segments.size() - 1)) {
      int at = text.indexOf(segment, from);
      if (at < 0 || at + segment.length() > end) return false;
      from = at + segment.length();
    }
    return true;
  }
}
