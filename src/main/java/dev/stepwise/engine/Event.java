package dev.stepwise.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/** A history event as the interpreter produces it; the runtime numbers and stores it. */
public record Event(String type, Map<String, Object> details) {

  /**
   * An event whose details are the given keys and values, in order; a null value leaves its key out
   * (AWS omits absent fields rather than writing null).
   */
  public static Event of(String type, Object... keysAndValues) {
    var details = new LinkedHashMap<String, Object>();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      if (keysAndValues[i + 1] != null)
        details.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return new Event(type, details);
  }
}
