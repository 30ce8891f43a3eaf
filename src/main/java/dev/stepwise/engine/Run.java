package dev.stepwise.engine;

import dev.stepwise.asl.ErrorNames;
import dev.stepwise.asl.EvaluationBudget;
import dev.stepwise.asl.StatesError;
import dev.stepwise.asl.jsonata.JsonataScope;
import dev.stepwise.asl.model.ChoiceState;
import dev.stepwise.asl.model.ErrorHandling;
import dev.stepwise.asl.model.FailState;
import dev.stepwise.asl.model.MapState;
import dev.stepwise.asl.model.ParallelState;
import dev.stepwise.asl.model.PassState;
import dev.stepwise.asl.model.State;
import dev.stepwise.asl.model.SucceedState;
import dev.stepwise.asl.model.TaskState;
import dev.stepwise.asl.model.Transition;
import dev.stepwise.asl.model.WaitState;
import dev.stepwise.asl.path.Bindings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One interpreter call: collects the events of the states it runs and ends in a {@link Step}. */
final class Run {
  private final Scopes scopes;
  private final StepContext context;
  private final Probe probe;
  private final List<Event> events = new ArrayList<>();
  private int transitions;

  Run(Scopes scopes, StepContext context, Probe probe) {
    this.scopes = scopes;
    this.context = context;
    this.probe = probe;
  }

  /** Where a state leads: on to another state, or to a stop with a finished step. */
  sealed interface Flow {}

  record Next(String state, Object input, Map<String, Object> variables) implements Flow {}

  record Done(Step step) implements Flow {}

  Step advance(Token token) {
    State state = state(token);
    return switch (token.phase()) {
      case ENTER -> chain(token);
      case WAITING -> {
        event("WaitStateExited", "name", state.name(), "output", token.pending());
        yield follow(
            token, transition(StateFields.transition(state), token.pending(), token.variables()));
      }
      case RETRY -> follow(token, guarded(token, state));
      case TASK, FORK ->
          throw new IllegalStateException("token in phase " + token.phase() + " cannot advance");
    };
  }

  Step afterTask(Token token, TaskOutcome outcome) {
    return follow(token, taskEnded(token, outcome));
  }

  /** Where a Task state goes once its request ended; the state's own flow, not followed. */
  Flow taskEnded(Token token, TaskOutcome outcome) {
    var task = (TaskState) state(token);
    String events = TaskResources.eventPrefix(task.resource());
    Flow result;
    try {
      result =
          switch (outcome) {
            case TaskOutcome.Succeeded s -> {
              event(events + "Succeeded", "resource", task.resource(), "output", s.result());
              yield TaskBody.succeeded(this, task, token, s.result());
            }
            case TaskOutcome.Failed f -> {
              String type =
                  ErrorNames.TIMEOUT.equals(f.error())
                          || ErrorNames.HEARTBEAT_TIMEOUT.equals(f.error())
                      ? "TimedOut"
                      : "Failed";
              event(
                  events + type,
                  "resource",
                  task.resource(),
                  "error",
                  f.error(),
                  "cause",
                  f.cause());
              yield handleError(token, task, task.errors(), f.error(), f.cause());
            }
          };
    } catch (StatesError e) {
      result = handleError(token, task, task.errors(), e.error(), e.cause());
    }
    return result;
  }

  Step afterChildren(Token token, List<Object> outputs) {
    return follow(token, childrenJoined(token, outputs));
  }

  Flow childrenJoined(Token token, List<Object> outputs) {
    State state = state(token);
    Flow result;
    try {
      event(state.type() + "StateSucceeded");
      result = ForkBody.joined(this, state, token, outputs);
    } catch (StatesError e) {
      result = handleError(token, state, StateFields.errors(state), e.error(), e.cause());
    }
    return result;
  }

  Step afterChildFailed(Token token, String error, String cause) {
    return follow(token, childFailed(token, error, cause));
  }

  Flow childFailed(Token token, String error, String cause) {
    State state = state(token);
    event(state.type() + "StateFailed", "error", error, "cause", cause);
    return handleError(token, state, StateFields.errors(state), error, cause);
  }

  /** Runs the state a token stands in (entered, or retrying) and no further: TestState's walk. */
  Flow once(Token token) {
    return guarded(token, state(token));
  }

  /** Enters states one after the other until one needs the outside world or the token ends. */
  private Step chain(Token token) {
    Token current = token;
    while (true) {
      if (++transitions > context.limits().maxStepsPerYield()
          || (transitions > 1 && EvaluationBudget.current().halfSpent())) {
        // A long run of pure states yields, so one execution cannot hold a worker forever; so
        // does a run that used half its evaluation time, rather than fail a state for lack of it.
        return new Step(List.copyOf(events), current, new Effect.Timer(context.now()));
      }
      State state = state(current);
      current = enter(current, state);
      Flow flow = guarded(current, state);
      if (flow instanceof Next next) {
        current = Token.start(current.scope(), next.state(), next.input(), next.variables());
      } else {
        return ((Done) flow).step();
      }
    }
  }

  private Step follow(Token token, Flow flow) {
    if (flow instanceof Next next) {
      return chain(Token.start(token.scope(), next.state(), next.input(), next.variables()));
    }
    return ((Done) flow).step();
  }

  private Token enter(Token token, State state) {
    long id = context.firstEventId() + events.size();
    event(state.eventPrefix() + "StateEntered", "name", state.name(), "input", token.input());
    return new Token(
        token.scope(),
        token.state(),
        Phase.ENTER,
        token.input(),
        null,
        List.of(),
        context.now(),
        id,
        token.variables());
  }

  /** Runs a state's body; a Task, Parallel or Map hands its errors to Retry and Catch. */
  private Flow guarded(Token token, State state) {
    try {
      return body(token, state);
    } catch (StatesError e) {
      return handleError(token, state, StateFields.errors(state), e.error(), e.cause());
    }
  }

  private Flow body(Token token, State state) {
    return switch (state) {
      case PassState pass -> PassBody.run(this, pass, token);
      case TaskState task -> TaskBody.schedule(this, task, token);
      case ChoiceState choice -> ChoiceBody.run(this, choice, token);
      case WaitState wait -> WaitBody.run(this, wait, token);
      case SucceedState succeed -> SucceedBody.run(this, succeed, token);
      case FailState fail -> FailBody.run(this, fail, token);
      case ParallelState parallel -> ForkBody.parallel(this, parallel, token);
      case MapState map -> ForkBody.map(this, map, token);
    };
  }

  /**
   * The specification's error handling of a state that failed: Retry, then Catch (see {@link
   * ErrorHandlers}).
   */
  Flow handleError(Token token, State state, ErrorHandling handling, String error, String cause) {
    return ErrorHandlers.handle(this, token, state, handling, error, cause);
  }

  // ---- shared by the state bodies

  StepContext context() {
    return context;
  }

  Probe probe() {
    return probe;
  }

  State state(Token token) {
    return scopes.get(token.scope()).state(token.state());
  }

  String startAt(String scope) {
    return scopes.get(scope).startAt();
  }

  Bindings bindings(Token token, Object input) {
    return new Bindings(input, contextObject(token), token.variables(), context.random());
  }

  /** What the JSONata expressions of the token's state read, before it has a result. */
  JsonataScope jsonataScope(Token token) {
    return JsonataScope.of(
        token.input(), contextObject(token), token.variables(), context.random());
  }

  Map<String, Object> contextObject(Token token) {
    boolean retries =
        state(token) instanceof TaskState
            || state(token) instanceof ParallelState
            || state(token) instanceof MapState;
    return probe.context(ContextObject.of(context.execution(), token, retries));
  }

  int payloadLimit() {
    return context.limits().payloadBytes();
  }

  /**
   * The state's output: leaves through its transition, checked against the payload limit, with the
   * variables as the state's {@code Assign} left them.
   */
  Flow exit(State state, Transition transition, Object output, Map<String, Object> variables) {
    StateIo.checkSize(state.name(), output, context.limits().payloadBytes());
    probe.record(Inspected.VARIABLES, variables);
    event(
        state.eventPrefix() + "StateExited",
        "name",
        state.name(),
        "output",
        output,
        "assignedVariables",
        Assignments.assigned(state.flow().assign(), variables));
    return transition(transition, output, variables);
  }

  Flow transition(Transition transition, Object output, Map<String, Object> variables) {
    return transition.isEnd()
        ? done(null, new Effect.Finished(output))
        : new Next(transition.next(), output, variables);
  }

  Done done(Token token, Effect effect) {
    return new Done(new Step(List.copyOf(events), token, effect));
  }

  void event(String type, Object... keyValues) {
    Map<String, Object> details = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      if (keyValues[i + 1] != null) details.put((String) keyValues[i], keyValues[i + 1]);
    }
    events.add(new Event(type, details));
  }
}
