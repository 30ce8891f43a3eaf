package dev.stepwise.task;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.stepwise.asl.Json;
import java.net.URLEncoder;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * {@code application/x-www-form-urlencoded} text for an HTTP Task's object body, with AWS's {@code
 * Transform.RequestEncodingOptions.ArrayFormat} choices for arrays; nested objects use {@code
 * outer[inner]=value}.
 */
final class FormEncoding {

  /** How arrays are written; AWS's default is {@link #INDICES}. */
  enum ArrayFormat {
    /** {@code a[]=x&a[]=y} */
    BRACKETS,
    /** {@code a=x,y} */
    COMMAS,
    /** {@code a[0]=x&a[1]=y} */
    INDICES,
    /** {@code a=x&a=y} */
    REPEAT
  }

  private final ArrayFormat arrayFormat;
  private final StringJoiner pairs = new StringJoiner("&");

  private FormEncoding(ArrayFormat arrayFormat) {
    this.arrayFormat = arrayFormat;
  }

  static String encode(Map<?, ?> body, ArrayFormat arrayFormat) {
    var encoding = new FormEncoding(arrayFormat);
    body.forEach((name, value) -> encoding.add(String.valueOf(name), value));
    return encoding.pairs.toString();
  }

  private void add(String name, Object value) {
    if (value instanceof Map<?, ?> map) {
      map.forEach((key, child) -> add(name + "[" + key + "]", child));
    } else if (value instanceof List<?> list) {
      addArray(name, list);
    } else {
      pair(name, text(value));
    }
  }

  private void addArray(String name, List<?> list) {
    switch (arrayFormat) {
      case BRACKETS -> list.forEach(item -> add(name + "[]", item));
      case REPEAT -> list.forEach(item -> add(name, item));
      case INDICES -> {
        for (int i = 0; i < list.size(); i++) add(name + "[" + i + "]", list.get(i));
      }
      case COMMAS ->
          pair(name, list.stream().map(FormEncoding::text).collect(Collectors.joining(",")));
    }
  }

  private void pair(String name, String value) {
    pairs.add(URLEncoder.encode(name, UTF_8) + "=" + URLEncoder.encode(value, UTF_8));
  }

  /** A value as query or form text: strings as they are, other JSON as JSON text. */
  static String text(Object value) {
    if (value == null) return "";
    if (value instanceof String s) return s;
    if (value instanceof Number || value instanceof Boolean) return value.toString();
    return Json.write(value);
  }
}
