package dev.stepwise.asl.parse;

import dev.stepwise.asl.Diagnostic;
import dev.stepwise.asl.ErrorNames;
import dev.stepwise.asl.jsonata.Template;
import dev.stepwise.asl.model.Catcher;
import dev.stepwise.asl.model.ErrorHandling;
import dev.stepwise.asl.model.ResultPath;
import dev.stepwise.asl.model.Retrier;
import dev.stepwise.asl.path.ReferencePath;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads {@code Retry} and {@code Catch}, applying the specification's defaults. */
final class ErrorHandlingParser {
  private ErrorHandlingParser() {}

  static ErrorHandling read(ObjectFields f, boolean jsonata) {
    var retriers = new ArrayList<Retrier>();
    var catchers = new ArrayList<Catcher>();
    JsonNode retry = f.node("Retry");
    if (retry != null) {
      if (!retry.isArray()) {
        f.error("Retry", Codes.TYPE, "'Retry' must be an array");
      } else {
        for (int i = 0; i < retry.size(); i++) {
          Retrier r = retrier(retry.get(i), f.pointer("Retry") + "/" + i, f, i == retry.size() - 1);
          if (r != null) retriers.add(r);
        }
      }
    }
    JsonNode katch = f.node("Catch");
    if (katch != null) {
      if (!katch.isArray()) {
        f.error("Catch", Codes.TYPE, "'Catch' must be an array");
      } else {
        for (int i = 0; i < katch.size(); i++) {
          Catcher c =
              catcher(
                  katch.get(i), f.pointer("Catch") + "/" + i, f, i == katch.size() - 1, jsonata);
          if (c != null) catchers.add(c);
        }
      }
    }
    return retriers.isEmpty() && catchers.isEmpty()
        ? ErrorHandling.NONE
        : new ErrorHandling(List.copyOf(retriers), List.copyOf(catchers));
  }

  private static Retrier retrier(JsonNode node, String pointer, ObjectFields parent, boolean last) {
    if (!node.isObject()) {
      parent.addAll(List.of(new Diagnostic(Codes.TYPE, "A retrier must be an object", pointer)));
      return null;
    }
    var diagnostics = new ArrayList<Diagnostic>();
    var f = new ObjectFields(node, pointer, diagnostics);
    List<String> errors = errorEquals(f, last);
    f.string("Comment", false);
    Integer interval = f.integer("IntervalSeconds", 1, 99_999_999);
    Integer maxAttempts = f.integer("MaxAttempts", 0, 99_999_999);
    Double backoff = f.number("BackoffRate", 1.0);
    Integer maxDelay = f.integer("MaxDelaySeconds", 1, 31_622_400);
    String jitter = f.string("JitterStrategy", false);
    Retrier.JitterStrategy strategy = Retrier.JitterStrategy.NONE;
    if (jitter != null) {
      try {
        strategy = Retrier.JitterStrategy.valueOf(jitter);
      } catch (IllegalArgumentException e) {
        f.error("JitterStrategy", Codes.TYPE, "'JitterStrategy' must be FULL or NONE");
      }
    }
    f.rejectUnknown("a retrier");
    parent.addAll(diagnostics);
    if (!diagnostics.isEmpty()) return null;
    return new Retrier(
        errors,
        interval == null ? 1.0 : interval.doubleValue(),
        maxAttempts == null ? 3 : maxAttempts,
        backoff == null ? 2.0 : backoff,
        maxDelay,
        strategy);
  }

  private static Catcher catcher(
      JsonNode node, String pointer, ObjectFields parent, boolean last, boolean jsonata) {
    if (!node.isObject()) {
      parent.addAll(List.of(new Diagnostic(Codes.TYPE, "A catcher must be an object", pointer)));
      return null;
    }
    var diagnostics = new ArrayList<Diagnostic>();
    var f = new ObjectFields(node, pointer, diagnostics);
    List<String> errors = errorEquals(f, last);
    f.string("Comment", false);
    String next = f.string("Next", true);
    ReferencePath path =
        jsonata
            ? ResultPath.DEFAULT.path()
            : f.referencePath("ResultPath", ResultPath.DEFAULT.path());
    Template assign = DataflowParser.assign(f.node("Assign"), pointer, f, jsonata);
    JsonNode output = jsonata ? f.node("Output") : null;
    Template outputTemplate =
        output == null ? null : DataflowParser.template(output, pointer, "Output", f);
    f.rejectUnknown(jsonata ? "a catcher of a JSONata state" : "a catcher");
    parent.addAll(diagnostics);
    if (!diagnostics.isEmpty()) return null;
    return new Catcher(
        errors,
        next,
        path == null ? ResultPath.DISCARD : new ResultPath(path),
        assign,
        outputTemplate);
  }

  private static List<String> errorEquals(ObjectFields f, boolean last) {
    JsonNode node = f.node("ErrorEquals");
    if (node == null || !node.isArray() || node.isEmpty()) {
      f.error("ErrorEquals", Codes.MISSING_FIELD, "'ErrorEquals' must be a non-empty array");
      return List.of();
    }
    var names = new ArrayList<String>();
    for (JsonNode n : node) {
      if (!n.isString()) {
        f.error("ErrorEquals", Codes.TYPE, "'ErrorEquals' holds error names (strings)");
        return List.of();
      }
      names.add(n.stringValue());
    }
    if (names.contains(ErrorNames.ALL) && (names.size() > 1 || !last)) {
      f.error(
          "ErrorEquals",
          Codes.TYPE,
          "'States.ALL' must appear alone and in the last retrier or catcher");
    }
    return List.copyOf(names);
  }
}
