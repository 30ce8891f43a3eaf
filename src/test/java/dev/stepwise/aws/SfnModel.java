package dev.stepwise.aws;

import dev.stepwise.asl.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * AWS's published model of the Step Functions service (its JSON form, as the AWS CLI's botocore
 * ships it), and the checks of an answer against it: every member the model declares, of the type
 * it declares, required members present, no nulls, enums within their values.
 */
final class SfnModel {
  /** Errors any operation may answer (AWS's common errors), beyond those the model lists. */
  static final Set<String> COMMON_ERRORS =
      Set.of("ValidationException", "ThrottlingException", "SerializationException");

  private final Map<String, Object> operations;
  private final Map<String, Object> shapes;

  private SfnModel(Map<String, Object> model) {
    this.operations = object(model.get("operations"));
    this.shapes = object(model.get("shapes"));
  }

  /** The model botocore holds, read through the Python that runs the CLI; empty without one. */
  static Optional<SfnModel> installed() {
    // The CLI's own packaging (Debian's awscli) keeps botocore inside the awscli package.
    String script =
        "import json\n"
            + "try:\n  import botocore.loaders as l\n"
            + "except ImportError:\n  import awscli.botocore.loaders as l\n"
            + "print(json.dumps(l.Loader().load_service_model('stepfunctions', 'service-2')))";
    try {
      Process python = new ProcessBuilder("python3", "-c", script).start();
      String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      python.getErrorStream().readAllBytes();
      if (!python.waitFor(60, TimeUnit.SECONDS) || python.exitValue() != 0) {
        return Optional.empty();
      }
      return Optional.of(new SfnModel(object(Json.parse(out))));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  Set<String> operations() {
    return operations.keySet();
  }

  /** The error names the model lists for {@code operation}, with the common ones. */
  Set<String> errors(String operation) {
    var names = new java.util.HashSet<>(COMMON_ERRORS);
    Object errors = object(operations.get(operation)).get("errors");
    if (errors instanceof List<?> list) {
      for (Object error : list) names.add((String) object(error).get("shape"));
    }
    return names;
  }

  /** What is wrong with {@code answer} as the output of {@code operation}; empty when nothing. */
  List<String> problems(String operation, Object answer) {
    var problems = new ArrayList<String>();
    // An older model (an older CLI) may not know the operation yet: nothing to check it against.
    if (!operations.containsKey(operation)) return problems;
    Object output = object(operations.get(operation)).get("output");
    if (output == null) {
      if (!(answer instanceof Map<?, ?> m) || !m.isEmpty()) problems.add("$: not {}");
      return problems;
    }
    check((String) object(output).get("shape"), answer, "$", problems);
    return problems;
  }

  private void check(String shapeName, Object value, String path, List<String> problems) {
    Map<String, Object> shape = object(shapes.get(shapeName));
    if (value == null) {
      problems.add(path + ": null (absent members are left out)");
      return;
    }
    String type = (String) shape.get("type");
    switch (type) {
      case "structure" -> {
        if (!(value instanceof Map<?, ?> map)) {
          problems.add(path + ": not an object");
          return;
        }
        Map<String, Object> members = object(shape.getOrDefault("members", Map.of()));
        for (var entry : map.entrySet()) {
          Object member = members.get(entry.getKey());
          if (member == null) {
            problems.add(path + "." + entry.getKey() + ": not in " + shapeName);
          } else {
            String memberShape = (String) object(member).get("shape");
            check(memberShape, entry.getValue(), path + "." + entry.getKey(), problems);
          }
        }
        if (shape.get("required") instanceof List<?> required) {
          for (Object name : required) {
            if (!map.containsKey(name)) problems.add(path + "." + name + ": required, missing");
          }
        }
      }
      case "list" -> {
        if (!(value instanceof List<?> list)) {
          problems.add(path + ": not a list");
          return;
        }
        String member = (String) object(shape.get("member")).get("shape");
        for (int i = 0; i < list.size(); i++)
          check(member, list.get(i), path + "[" + i + "]", problems);
      }
      case "map" -> {
        if (!(value instanceof Map<?, ?> map)) {
          problems.add(path + ": not an object");
          return;
        }
        String member = (String) object(shape.get("value")).get("shape");
        for (var entry : map.entrySet()) {
          check(member, entry.getValue(), path + "." + entry.getKey(), problems);
        }
      }
      case "string" -> {
        if (!(value instanceof String text)) {
          problems.add(path + ": not a string");
        } else if (shape.get("enum") instanceof List<?> values && !values.contains(text)) {
          problems.add(path + ": '" + text + "' is none of " + values);
        }
      }
      case "boolean" -> {
        if (!(value instanceof Boolean)) problems.add(path + ": not a boolean");
      }
      case "integer", "long", "float", "double", "timestamp" -> {
        if (!(value instanceof Number)) problems.add(path + ": not a number (" + type + ")");
      }
      default -> {}
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value) {
    return (Map<String, Object>) value;
  }
}
