package dev.stepwise.asl.parse;

import dev.stepwise.asl.Diagnostic;
import dev.stepwise.asl.intrinsic.IntrinsicFunctions;
import dev.stepwise.asl.path.JsonPathQuery;
import dev.stepwise.asl.path.ReferencePath;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Typed reads of one JSON object's fields, each problem reported as a diagnostic at the field's
 * JSON pointer. Remembers which fields were read so {@link #rejectUnknown} can name the rest.
 */
final class ObjectFields {
  private final JsonNode node;
  private final String pointer;
  private final List<Diagnostic> diagnostics;
  private final Set<String> known = new HashSet<>();

  ObjectFields(JsonNode node, String pointer, List<Diagnostic> diagnostics) {
    this.node = node;
    this.pointer = pointer;
    this.diagnostics = diagnostics;
  }

  String pointer() {
    return pointer;
  }

  String pointer(String field) {
    return pointer + "/" + field.replace("~", "~0").replace("/", "~1");
  }

  boolean has(String field) {
    known.add(field);
    return node.has(field);
  }

  /** The raw node, or null when absent (a JSON null is returned as a NullNode). */
  JsonNode node(String field) {
    known.add(field);
    return node.get(field);
  }

  void error(String field, String code, String message) {
    diagnostics.add(new Diagnostic(code, message, pointer(field)));
  }

  void error(String code, String message) {
    diagnostics.add(new Diagnostic(code, message, pointer));
  }

  String string(String field, boolean required) {
    JsonNode value = node(field);
    if (value == null) {
      if (required) error(field, Codes.MISSING_FIELD, "'" + field + "' is required");
      return null;
    }
    if (!value.isString()) {
      error(field, Codes.TYPE, "'" + field + "' must be a string");
      return null;
    }
    return value.stringValue();
  }

  Integer integer(String field, int min, int max) {
    JsonNode value = node(field);
    if (value == null) return null;
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      error(field, Codes.TYPE, "'" + field + "' must be an integer");
      return null;
    }
    int v = value.intValue();
    if (v < min || v > max) {
      error(field, Codes.RANGE, "'" + field + "' must be between " + min + " and " + max);
      return null;
    }
    return v;
  }

  Double number(String field, double min) {
    JsonNode value = node(field);
    if (value == null) return null;
    if (!value.isNumber()) {
      error(field, Codes.TYPE, "'" + field + "' must be a number");
      return null;
    }
    double v = value.doubleValue();
    if (v < min) {
      error(field, Codes.RANGE, "'" + field + "' must be at least " + min);
      return null;
    }
    return v;
  }

  boolean bool(String field) {
    JsonNode value = node(field);
    if (value == null) return false;
    if (!value.isBoolean()) {
      error(field, Codes.TYPE, "'" + field + "' must be a boolean");
      return false;
    }
    return value.booleanValue();
  }

  /** A JSONPath field (filters and wildcards allowed); absent gives {@code fallback}. */
  String path(String field, String fallback) {
    JsonNode value = node(field);
    if (value == null) return fallback;
    if (value.isNull()) return null;
    if (!value.isString() || !JsonPathQuery.isValid(value.stringValue())) {
      error(field, Codes.INVALID_PATH, "'" + field + "' must be a valid JSONPath");
      return fallback;
    }
    return value.stringValue();
  }

  /** A path, or an intrinsic function call (Fail's {@code ErrorPath} and {@code CausePath}). */
  String pathOrIntrinsic(String field) {
    JsonNode value = node(field);
    if (value != null && value.isString() && IntrinsicFunctions.isCall(value.stringValue())) {
      var local = new java.util.ArrayList<Diagnostic>();
      IntrinsicFunctions.validate(value.stringValue(), pointer(field), local);
      diagnostics.addAll(local);
      return value.stringValue();
    }
    return path(field, null);
  }

  /** A reference path ({@code ResultPath}); absent gives {@code $}, null gives null. */
  ReferencePath referencePath(String field, ReferencePath fallback) {
    JsonNode value = node(field);
    if (value == null) return fallback;
    if (value.isNull()) return null;
    if (!value.isString()) {
      error(field, Codes.INVALID_PATH, "'" + field + "' must be a reference path");
      return fallback;
    }
    try {
      return ReferencePath.parse(value.stringValue());
    } catch (IllegalArgumentException e) {
      error(
          field, Codes.INVALID_PATH, "'" + field + "' is not a reference path: " + e.getMessage());
      return fallback;
    }
  }

  void addAll(List<Diagnostic> more) {
    diagnostics.addAll(more);
  }

  /** Adds a diagnostic for each field that no read asked for. */
  void rejectUnknown(String what) {
    for (String name : node.propertyNames()) {
      if (!known.contains(name)) {
        error(name, Codes.UNKNOWN_FIELD, "Field '" + name + "' is not supported by " + what);
      }
    }
  }
}
