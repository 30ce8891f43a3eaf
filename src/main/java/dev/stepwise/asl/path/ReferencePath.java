package dev.stepwise.asl.path;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reference path (spec: "a path whose syntax is limited so that it can only identify a single
 * node"): {@code $}, then {@code .name}, {@code ['name']} or {@code [index]} steps. ResultPath
 * writes through one of these, creating the objects it names on the way.
 */
public final class ReferencePath {
  private final String text;
  private final List<Object> steps; // String for a field, Integer for an index

  private ReferencePath(String text, List<Object> steps) {
    this.text = text;
    this.steps = steps;
  }

  public String text() {
    return text;
  }

  public boolean isRoot() {
    return steps.isEmpty();
  }

  /** Parses a reference path, or throws {@link IllegalArgumentException} saying why not. */
  public static ReferencePath parse(String text) {
    if (text == null || !text.startsWith("$") || text.startsWith("$$")) {
      throw new IllegalArgumentException("a reference path starts with '$'");
    }
    var steps = new ArrayList<Object>();
    int i = 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '.') {
        int start = ++i;
        while (i < text.length() && text.charAt(i) != '.' && text.charAt(i) != '[') i++;
        String name = text.substring(start, i);
        if (name.isEmpty() || name.contains("*") || name.contains("@")) {
          throw new IllegalArgumentException("invalid field name after '.' at " + start);
        }
        steps.add(name);
      } else if (c == '[') {
        int close = text.indexOf(']', i);
        if (close < 0) throw new IllegalArgumentException("unclosed '['");
        String inner = text.substring(i + 1, close).trim();
        if (inner.length() >= 2
            && (inner.startsWith("'") && inner.endsWith("'")
                || inner.startsWith("\"") && inner.endsWith("\""))) {
          steps.add(inner.substring(1, inner.length() - 1));
        } else {
          try {
            int index = Integer.parseInt(inner);
            if (index < 0) throw new IllegalArgumentException("negative index");
            steps.add(index);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                "'[" + inner + "]' selects more than one node; a reference path cannot");
          }
        }
        i = close + 1;
      } else {
        throw new IllegalArgumentException("unexpected '" + c + "' at " + i);
      }
    }
    return new ReferencePath(text, List.copyOf(steps));
  }

  /**
   * Returns a copy of {@code target} with {@code value} placed at this path; the objects on the way
   * are copied, the rest is shared. Fails with {@link IllegalStateException} when a step runs into
   * a value that is not an object (or an array, for an index).
   */
  public Object set(Object target, Object value) {
    return set(target, 0, value);
  }

  @SuppressWarnings("unchecked")
  private Object set(Object node, int depth, Object value) {
    if (depth == steps.size()) return value;
    Object step = steps.get(depth);
    if (step instanceof String field) {
      Map<String, Object> copy;
      if (node == null) {
        copy = new LinkedHashMap<>();
      } else if (node instanceof Map<?, ?> map) {
        copy = new LinkedHashMap<>((Map<String, Object>) map);
      } else {
        throw new IllegalStateException("cannot set field '" + field + "' on a non-object");
      }
      copy.put(field, set(copy.get(field), depth + 1, value));
      return copy;
    }
    int index = (Integer) step;
    if (!(node instanceof List<?> list) || index >= list.size()) {
      throw new IllegalStateException("cannot set index " + index + " on this value");
    }
    var copy = new ArrayList<Object>(list);
    copy.set(index, set(copy.get(index), depth + 1, value));
    return copy;
  }

  @Override
  public String toString() {
    return text;
  }
}
