package dev.stepwise.security;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Names a native API call the way the wire API names the same operation (so one audit query finds
 * both), and tells state-changing calls from reads. A call not listed keeps its method and path.
 */
final class NativeActions {
  private record Rule(String method, Pattern path, String action) {}

  private static final String NAME = "[^/]+";
  private static final List<Rule> RULES =
      List.of(
          rule("POST", "/v1/state-machines", "CreateStateMachine"),
          rule("PUT", "/v1/state-machines/" + NAME, "UpdateStateMachine"),
          rule("DELETE", "/v1/state-machines/" + NAME, "DeleteStateMachine"),
          rule("POST", "/v1/state-machines/" + NAME + "/executions", "StartExecution"),
          rule("POST", "/v1/state-machines/" + NAME + "/versions", "PublishStateMachineVersion"),
          rule(
              "DELETE",
              "/v1/state-machines/" + NAME + "/versions/" + NAME,
              "DeleteStateMachineVersion"),
          rule("PUT", "/v1/state-machines/" + NAME + "/aliases/" + NAME, "PutStateMachineAlias"),
          rule(
              "DELETE",
              "/v1/state-machines/" + NAME + "/aliases/" + NAME,
              "DeleteStateMachineAlias"),
          rule("POST", "/v1/executions/" + NAME + "/stop", "StopExecution"),
          rule("POST", "/v1/executions/" + NAME + "/redrive", "RedriveExecution"),
          rule("POST", "/v1/task-tokens/success", "SendTaskSuccess"),
          rule("POST", "/v1/task-tokens/failure", "SendTaskFailure"),
          rule("POST", "/v1/task-tokens/heartbeat", "SendTaskHeartbeat"),
          rule("POST", "/v1/activities", "CreateActivity"),
          rule("GET", "/v1/activities/" + NAME + "/task", "GetActivityTask"),
          rule("POST", "/v1/test-state", "TestState"),
          rule("POST", "/v1/definitions/validate", "ValidateStateMachineDefinition"));

  private NativeActions() {}

  private static Rule rule(String method, String path, String action) {
    return new Rule(method, Pattern.compile(path), action);
  }

  /** The action's name, or null for a read (nothing to audit). */
  static String audited(String method, String path) {
    for (Rule rule : RULES) {
      if (rule.method().equals(method) && rule.path().matcher(path).matches()) {
        return rule.action();
      }
    }
    boolean read = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    return read ? null : method + " " + path;
  }
}
