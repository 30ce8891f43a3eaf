package dev.stepwise.ops;

import java.util.List;
import java.util.Map;

/** Walking parsed YAML (maps and lists) by key, failing with the path when a step is missing. */
public final class Yamls {
  private Yamls() {}

  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Map<String, Object> root, String... path) {
    Object node = root;
    for (String key : path) {
      if (!(node instanceof Map<?, ?> map) || !map.containsKey(key)) {
        throw new AssertionError("no " + String.join(".", path) + " in " + root);
      }
      node = map.get(key);
    }
    return (Map<String, Object>) node;
  }

  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> list(Map<String, Object> root, String key) {
    Object node = root.get(key);
    if (!(node instanceof List<?>)) throw new AssertionError("no list " + key + " in " + root);
    return (List<Map<String, Object>>) node;
  }
}
