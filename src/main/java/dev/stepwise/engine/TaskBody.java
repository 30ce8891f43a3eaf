package dev.stepwise.engine;

import com.jayway.jsonpath.PathNotFoundException;
import dev.stepwise.asl.Json;
import dev.stepwise.asl.StatesError;
import dev.stepwise.asl.ErrorNames;
import dev.stepwise.asl.jsonata.JsonataScope;
import dev.stepwise.asl.model.TaskState;
import dev.stepwise.asl.path.Bindings;
import java.time.Duration;
import java.util.Map;

/** A Task state: schedules its request, then processes the result that comes back. */
final class TaskBody {
  private TaskBody() {}

  static Run.Outcome schedule(Run run, TaskState task, Token token) {
    Object payload;
    Duration timeout;
    if (task.flow().jsonata()) {
      JsonataScope scope = run.jsonataScope(token);
      payload = JsonataIo.field(task.flow(), "Arguments", scope, token.input());
      timeout = jsonataTimeout(task, scope, run.context());
    } else {
      Bindings bindings = run.bindings(token, token.input());
      Bindings effective = bindings.withInput(StateIo.inputPath(task.io(), bindings));
      payload = StateIo.parameters(task.parameters(), effective);
      timeout = timeout(task, effective, run.context());
    }
    run.event(
        "TaskScheduled",
        "resource", task.resource(),
        "parameters", payload,
        "timeoutInSeconds", timeout.toSeconds());
    var request =
        new TaskRequest(task.name(), task.resource(), payload, token.retryCount() + 1, timeout);
    return run.done(token.with(Phase.TASK, null), new Effect.Dispatch(request));
  }

  static Run.Outcome succeeded(Run run, TaskState task, Token token, Object result) {
    if (task.flow().jsonata()) {
      JsonataScope scope = run.jsonataScope(token).withResult(result);
      Object output = JsonataIo.output(task.flow().output(), scope, result);
      Map<String, Object> variables =
          Assignments.jsonata(task.flow().assign(), scope, token.variables(), run.payloadLimit());
      return run.exit(task, task.transition(), output, variables);
    }
    Bindings bindings = run.bindings(token, token.input());
    Object selected =
        task.resultSelector() == null
            ? result
            : task.resultSelector().evaluate(bindings.withInput(result));
    Object placed = StateIo.resultPath(task.resultPath(), token.input(), selected);
    Object output = StateIo.outputPath(task.io(), bindings.withInput(placed));
    Map<String, Object> variables =
        Assignments.jsonPath(
            task.flow().assign(), bindings.withInput(selected), token.variables(), run.payloadLimit());
    return run.exit(task, task.transition(), output, variables);
  }

  private static Duration jsonataTimeout(TaskState task, JsonataScope scope, StepContext context) {
    if (task.timeoutSeconds() != null) return Duration.ofSeconds(task.timeoutSeconds());
    if (task.flow().field("TimeoutSeconds") == null) return context.limits().defaultTaskTimeout();
    Object value = JsonataIo.field(task.flow(), "TimeoutSeconds", scope, null);
    if (!Json.isIntegral(value) || ((Number) value).longValue() < 1) {
      throw new StatesError(
          ErrorNames.QUERY_EVALUATION_ERROR,
          "The TimeoutSeconds field must be a positive integer, but was: " + Json.write(value));
    }
    return Duration.ofSeconds(((Number) value).longValue());
  }

  private static Duration timeout(TaskState task, Bindings bindings, StepContext context) {
    if (task.timeoutSeconds() != null) return Duration.ofSeconds(task.timeoutSeconds());
    if (task.timeoutSecondsPath() == null) return context.limits().defaultTaskTimeout();
    Object value;
    try {
      value = bindings.read(task.timeoutSecondsPath());
    } catch (PathNotFoundException e) {
      throw StatesError.runtime(
          "The TimeoutSecondsPath parameter does not reference an input value: "
              + task.timeoutSecondsPath());
    }
    if (!Json.isIntegral(value) || ((Number) value).longValue() < 1) {
      throw StatesError.runtime(
          "The TimeoutSecondsPath parameter must reference a positive integer: "
              + task.timeoutSecondsPath() + " == " + Json.write(value));
    }
    return Duration.ofSeconds(((Number) value).longValue());
  }
}
