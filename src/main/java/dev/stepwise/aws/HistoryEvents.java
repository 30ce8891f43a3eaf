package dev.stepwise.aws;

import dev.stepwise.asl.Json;
import dev.stepwise.lifecycle.Executions.HistoryEventView;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The core's history events in AWS's shape: {@code id}, {@code previousEventId}, {@code timestamp},
 * {@code type} and the typed details object AWS gives that type ({@code stateEnteredEventDetails},
 * {@code taskSucceededEventDetails}, …), JSON values as strings. Types AWS gives no details
 * (ParallelStateStarted, MapRunSucceeded, …) carry none.
 */
final class HistoryEvents {
  private HistoryEvents() {}

  /** Settings of one translation: the role ExecutionStarted names, the region tasks run in. */
  record Context(String roleArn, String region, boolean includeData, MapRunNamer mapRuns) {}

  /** The ARN of the map run a MapRunStarted event started (they are numbered in order). */
  interface MapRunNamer {
    String arn(HistoryEventView event);
  }

  static Map<String, Object> translate(HistoryEventView event, Context context) {
    var out = new LinkedHashMap<String, Object>();
    out.put("timestamp", event.timestamp());
    out.put("type", event.type());
    out.put("id", event.id());
    out.put("previousEventId", event.previousEventId());
    var details = new Details(event.details(), context.includeData());
    String type = event.type();
    switch (type) {
      case "ExecutionStarted" -> {
        details.data("input");
        details.put("roleArn", context.roleArn());
        out.put("executionStartedEventDetails", details.map());
      }
      case "ExecutionSucceeded" ->
          out.put("executionSucceededEventDetails", details.data("output").map());
      case "ExecutionFailed", "ExecutionAborted", "ExecutionTimedOut" ->
          out.put(lower(type) + "EventDetails", details.copy("error", "cause").map());
      case "ExecutionRedriven" ->
          out.put("executionRedrivenEventDetails", details.copy("redriveCount").map());
      case "TaskScheduled" -> {
        details.resource();
        details.put("region", context.region());
        details.json("parameters", "parameters");
        details.copy("timeoutInSeconds", "heartbeatInSeconds");
        out.put("taskScheduledEventDetails", details.map());
      }
      case "TaskStarted" -> out.put("taskStartedEventDetails", details.resource().map());
      case "TaskSubmitted", "TaskSucceeded" ->
          out.put(lower(type) + "EventDetails", details.resource().data("output").map());
      case "TaskFailed", "TaskTimedOut", "TaskStartFailed", "TaskSubmitFailed" ->
          out.put(lower(type) + "EventDetails", details.resource().copy("error", "cause").map());
      case "ActivityScheduled" -> {
        details.copy("resource");
        if (context.includeData()) details.json("parameters", "input");
        details.details("input");
        details.copy("timeoutInSeconds", "heartbeatInSeconds");
        out.put("activityScheduledEventDetails", details.map());
      }
      case "ActivityStarted" ->
          out.put("activityStartedEventDetails", details.copy("workerName").map());
      case "ActivitySucceeded" ->
          out.put("activitySucceededEventDetails", details.data("output").map());
      case "ActivityFailed", "ActivityTimedOut", "ActivityScheduleFailed" ->
          out.put(lower(type) + "EventDetails", details.copy("error", "cause").map());
      case "MapStateStarted" ->
          out.put("mapStateStartedEventDetails", details.copy("length").map());
      case "MapIterationStarted",
          "MapIterationSucceeded",
          "MapIterationFailed",
          "MapIterationAborted" ->
          out.put(lower(type) + "EventDetails", details.copy("name", "index").map());
      case "MapRunStarted" -> {
        details.put("mapRunArn", context.mapRuns().arn(event));
        out.put("mapRunStartedEventDetails", details.map());
      }
      case "MapRunFailed" ->
          out.put("mapRunFailedEventDetails", details.copy("error", "cause").map());
      case "EvaluationFailed" ->
          out.put(
              "evaluationFailedEventDetails",
              details.copy("error", "cause", "location", "state").map());
      default -> {
        if (type.endsWith("StateEntered")) {
          out.put("stateEnteredEventDetails", details.copy("name").data("input").map());
        } else if (type.endsWith("StateExited")) {
          details.copy("name").data("output");
          details.assignedVariables();
          out.put("stateExitedEventDetails", details.map());
        }
      }
    }
    return out;
  }

  /** ExecutionFailed → executionFailed. */
  private static String lower(String type) {
    return Character.toLowerCase(type.charAt(0)) + type.substring(1);
  }

  /** One event's details being written: copied, JSON values as strings, data left out if asked. */
  private static final class Details {
    private final Map<String, Object> from;
    private final boolean includeData;
    private final Map<String, Object> to = new LinkedHashMap<>();

    Details(Map<String, Object> from, boolean includeData) {
      this.from = from == null ? Map.of() : from;
      this.includeData = includeData;
    }

    Details put(String key, Object value) {
      if (value != null) to.put(key, value);
      return this;
    }

    Details copy(String... keys) {
      for (String key : keys) put(key, from.get(key));
      return this;
    }

    /** Input or output: a JSON string (null when the state had none), and its details object. */
    Details data(String key) {
      if (includeData) to.put(key, Json.write(from.get(key)));
      return details(key);
    }

    Details details(String key) {
      to.put(key + "Details", Map.of("truncated", false));
      return this;
    }

    Details json(String fromKey, String toKey) {
      if (from.containsKey(fromKey) && includeData) to.put(toKey, Json.write(from.get(fromKey)));
      return this;
    }

    Details resource() {
      var names = TaskResourceNames.of((String) from.get("resource"));
      to.put("resourceType", names.resourceType());
      to.put("resource", names.resource());
      return this;
    }

    /** Variables a state's Assign set, each as JSON text, when the event records them. */
    void assignedVariables() {
      if (!(from.get("assignedVariables") instanceof Map<?, ?> assigned)) return;
      var written = new LinkedHashMap<String, String>();
      assigned.forEach((name, value) -> written.put((String) name, Json.write(value)));
      to.put("assignedVariables", written);
      to.put("assignedVariablesDetails", Map.of("truncated", false));
    }

    Map<String, Object> map() {
      return to;
    }
  }
}
