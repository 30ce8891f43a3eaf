package dev.stepwise.teststate;

import dev.stepwise.asl.Json;
import dev.stepwise.teststate.InvalidTestStateRequest.Kind;
import dev.stepwise.teststate.TestStateRequest.InspectionLevel;
import dev.stepwise.teststate.TestStateRequest.MockInput;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON texts of a TestState request, read and checked: the input, the variables, the context, a
 * mocked result; and the settings that need no definition to be checked.
 *
 * @param mockResult the mocked result, or null (also when the mock is an error)
 * @param context what is laid over the context object; the role, when the request names one
 */
record TestStateInputs(
    Object input,
    Map<String, Object> variables,
    Map<String, Object> context,
    MockInput mock,
    Object mockResult,
    int retrierRetryCount,
    InspectionLevel level,
    boolean revealSecrets) {

  static TestStateInputs read(TestStateRequest request, int payloadBytes, boolean revealAllowed) {
    Object input = request.input() == null ? new LinkedHashMap<>() : json(request.input(), "input");
    if (request.input() != null
        && request.input().getBytes(StandardCharsets.UTF_8).length > payloadBytes) {
      throw new InvalidTestStateRequest(
          Kind.INVALID_INPUT,
          "'input' is larger than the payload limit of " + payloadBytes + " bytes");
    }
    Map<String, Object> variables = object(request.variables(), "variables");
    Map<String, Object> context = withRole(object(request.context(), "context"), request.roleArn());
    boolean reveal = Boolean.TRUE.equals(request.revealSecrets());
    if (reveal && !revealAllowed) {
      throw new InvalidTestStateRequest(
          Kind.VALIDATION,
          "'revealSecrets' is not allowed here: the headers of task routes hold credentials"
              + " (set stepwise.test-state.allow-reveal-secrets to allow it)");
    }
    var configuration = request.stateConfiguration();
    Integer retries = configuration == null ? null : configuration.retrierRetryCount();
    if (retries != null && retries < 0) {
      throw new InvalidTestStateRequest(
          Kind.VALIDATION, "'stateConfiguration.retrierRetryCount' must be 0 or more");
    }
    Integer failures = configuration == null ? null : configuration.mapIterationFailureCount();
    if (failures != null && failures < 0) {
      throw new InvalidTestStateRequest(
          Kind.VALIDATION, "'stateConfiguration.mapIterationFailureCount' must be 0 or more");
    }
    return new TestStateInputs(
        input,
        variables,
        context,
        request.mock(),
        mockResult(request.mock()),
        retries == null ? 0 : retries,
        request.inspectionLevel() == null ? InspectionLevel.INFO : request.inspectionLevel(),
        reveal);
  }

  /**
   * The role, when the request names one, where AWS shows it ({@code $$.Execution.RoleArn}); a role
   * the request's own context gives wins.
   */
  private static Map<String, Object> withRole(Map<String, Object> context, String roleArn) {
    Object given = context.get("Execution");
    if (roleArn == null || (given != null && !(given instanceof Map<?, ?>))) return context;
    var execution = new LinkedHashMap<String, Object>();
    execution.put("RoleArn", roleArn);
    if (given instanceof Map<?, ?> map)
      map.forEach((key, value) -> execution.put((String) key, value));
    var withRole = new LinkedHashMap<>(context);
    withRole.put("Execution", execution);
    return withRole;
  }

  private static Object mockResult(MockInput mock) {
    if (mock == null) return null;
    if ((mock.result() == null) == (mock.errorOutput() == null)) {
      throw new InvalidTestStateRequest(
          Kind.VALIDATION, "'mock' needs exactly one of 'result' and 'errorOutput'");
    }
    return mock.result() == null ? null : json(mock.result(), "mock.result");
  }

  private static Map<String, Object> object(String text, String field) {
    if (text == null) return Map.of();
    if (!(json(text, field) instanceof Map<?, ?> map)) {
      throw new InvalidTestStateRequest(Kind.VALIDATION, "'" + field + "' must be a JSON object");
    }
    @SuppressWarnings("unchecked")
    var object = (Map<String, Object>) map;
    return object;
  }

  private static Object json(String text, String field) {
    try {
      return Json.parse(text);
    } catch (IllegalArgumentException e) {
      Kind kind = field.equals("input") ? Kind.INVALID_INPUT : Kind.VALIDATION;
      throw new InvalidTestStateRequest(
          kind, "'" + field + "' is not valid JSON: " + e.getMessage());
    }
  }
}
