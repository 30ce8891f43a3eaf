package dev.stepwise.engine;

import dev.stepwise.asl.jsonata.JsonataScope;
import dev.stepwise.asl.model.TaskState;
import dev.stepwise.asl.path.Bindings;
import java.time.Duration;
import java.util.Map;

/** A Task state: schedules its request, then processes the result that comes back. */
final class TaskBody {
  /** AWS's default TimeoutSeconds, which a state waiting for a task token reports when unset. */
  private static final long NO_TIMEOUT_SECONDS = 99_999_999;

  private TaskBody() {}

  static Run.Flow schedule(Run run, TaskState task, Token token) {
    boolean callback = TaskResources.waitsForCallback(task.resource());
    String taskToken = callback ? TaskTokens.generate(run.context().random()) : null;
    Map<String, Object> context = run.contextObject(token);
    if (callback) context = ContextObject.withTaskToken(context, taskToken);
    Object payload;
    TaskDeadlines deadlines;
    if (task.flow().jsonata()) {
      JsonataScope scope = run.jsonataScope(token).withContext(context);
      payload = JsonataIo.field(task.flow(), "Arguments", scope, token.input());
      run.probe().record(Inspected.AFTER_ARGUMENTS, payload);
      deadlines = TaskDeadlines.jsonata(task, scope, callback);
    } else {
      Bindings bindings =
          new Bindings(token.input(), context, token.variables(), run.context().random());
      Bindings effective = bindings.withInput(StateIo.inputPath(task.io(), bindings));
      run.probe().record(Inspected.AFTER_INPUT_PATH, effective.input());
      payload = StateIo.parameters(task.parameters(), effective);
      run.probe().record(Inspected.AFTER_PARAMETERS, payload);
      deadlines = TaskDeadlines.jsonPath(task, effective, callback);
    }
    // A state waiting for a callback or a child execution waits long: its TimeoutSeconds bounds the
    // wait, and without one only the execution's own timeout does.
    boolean longWait = callback || TaskResources.waitsForChildExecution(task.resource());
    Duration requestTimeout = requestTimeout(deadlines, run.context(), callback, longWait);
    TaskRequest.Callback waitsFor = null;
    if (callback) {
      waitsFor =
          new TaskRequest.Callback(
              taskToken,
              deadlines.timeout(),
              deadlines.heartbeat(),
              TaskResources.activityName(task.resource()));
    }
    run.event(
        TaskResources.eventPrefix(task.resource()) + "Scheduled",
        "resource",
        task.resource(),
        "parameters",
        SecretHeaders.forHistory(task.resource(), payload),
        "timeoutInSeconds",
        reportedTimeout(longWait, deadlines, requestTimeout),
        "heartbeatInSeconds",
        deadlines.heartbeat() == null ? null : deadlines.heartbeat().toSeconds());
    var request =
        new TaskRequest(
            task.name(),
            task.resource(),
            payload,
            token.retryCount() + 1,
            requestTimeout,
            waitsFor);
    // A waiting token remembers its task token, so that only an answer quoting it continues it.
    return run.done(token.with(Phase.TASK, taskToken), new Effect.Dispatch(request));
  }

  private static long reportedTimeout(boolean longWait, TaskDeadlines deadlines, Duration request) {
    if (!longWait) return request.toSeconds();
    return deadlines.timeout() == null ? NO_TIMEOUT_SECONDS : deadlines.timeout().toSeconds();
  }

  /**
   * How long the HTTP request may take: the state's timeout, or the default. The request that hands
   * out a task token only delivers it, so it never waits longer than the default either. A state
   * that waits for a child execution sends no request: its timeout bounds the wait (null: none).
   */
  private static Duration requestTimeout(
      TaskDeadlines deadlines, StepContext context, boolean callback, boolean longWait) {
    if (longWait && !callback) return deadlines.timeout();
    Duration fallback = context.limits().defaultTaskTimeout();
    if (deadlines.timeout() == null) return fallback;
    if (callback && fallback.compareTo(deadlines.timeout()) < 0) return fallback;
    return deadlines.timeout();
  }

  static Run.Flow succeeded(Run run, TaskState task, Token token, Object result) {
    Probe probe = run.probe();
    probe.record(Inspected.RESULT, result);
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
    probe.record(Inspected.AFTER_RESULT_SELECTOR, selected);
    Object placed = StateIo.resultPath(task.resultPath(), token.input(), selected);
    probe.record(Inspected.AFTER_RESULT_PATH, placed);
    Object output = StateIo.outputPath(task.io(), bindings.withInput(placed));
    Map<String, Object> variables =
        Assignments.jsonPath(
            task.flow().assign(),
            bindings.withInput(selected),
            token.variables(),
            run.payloadLimit());
    return run.exit(task, task.transition(), output, variables);
  }
}
