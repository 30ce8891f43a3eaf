package dev.stepwise.engine;

import dev.stepwise.asl.EvaluationBudget;
import dev.stepwise.asl.model.State;
import dev.stepwise.asl.model.StateMachine;
import dev.stepwise.asl.model.Transition;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One state run on its own, as AWS's TestState API runs it: the state's input and output processing
 * and its Retry and Catch, with every intermediate value recorded ({@link Inspected}), and no
 * further than the state itself. Pure like the {@link Interpreter}: a Task's call and a fork's
 * children are the caller's to provide ({@link Progress}), whether real or mocked.
 *
 * <p>A Wait state does not wait: it ends at once with the output its timer would continue with.
 * Each object runs its state once: {@link #start}, then, when asked, {@link #afterTask} or {@link
 * #afterChildren} / {@link #afterChildFailed}.
 */
public final class StateTest {
  private final Scopes scopes;
  private final String scope;
  private final State state;
  private StepContext context;
  private InspectionRecorder recorder;

  /** Where the state stands while its Task call or its children are out. */
  private Token waiting;

  private StateTest(Scopes scopes, String scope, State state) {
    this.scopes = scopes;
    this.scope = scope;
    this.state = state;
  }

  /**
   * A test of the state named {@code stateName}, at the top level of {@code machine} or inside one
   * of its Parallel branches or Map item processors.
   *
   * @throws IllegalArgumentException when the definition has no state of that name
   */
  public static StateTest of(StateMachine machine, String stateName) {
    var scopes = new Scopes(machine);
    String scope = scopes.scopeOf(stateName);
    if (scope == null) {
      throw new IllegalArgumentException("The definition has no state named '" + stateName + "'");
    }
    return new StateTest(scopes, scope, scopes.get(scope).state(stateName));
  }

  public State state() {
    return state;
  }

  /**
   * What the test starts from.
   *
   * @param input the state's raw input
   * @param variables the variables in scope
   * @param context laid over the context object ({@code $$}) the interpreter builds; objects merge
   *     key by key
   * @param retrierRetryCount the retries the retrier that matches an error has made already
   */
  public record Setup(
      Object input,
      Map<String, Object> variables,
      Map<String, Object> context,
      int retrierRetryCount) {
    public Setup {
      variables = variables == null ? Map.of() : variables;
      context = context == null ? Map.of() : context;
    }
  }

  /** Where the test stands after a call: ended, or waiting for a Task's outcome or a fork's end. */
  public sealed interface Progress {
    record Ended(StateTestResult result) implements Progress {}

    /** The state's Task call; answer with {@link #afterTask}. */
    record CallsTask(TaskRequest request) implements Progress {}

    /**
     * The state forks (Parallel, Map); answer with {@link #afterChildren} or {@link
     * #afterChildFailed}.
     */
    record Forks(Fork.Plan plan) implements Progress {}
  }

  /** Runs the state on its input, up to its end, its Task call or its fork. */
  public Progress start(Setup setup, StepContext context) {
    if (recorder != null) throw new IllegalStateException("The test has started already");
    this.context = context;
    this.recorder = new InspectionRecorder(setup.context(), setup.retrierRetryCount());
    recorder.record(Inspected.INPUT, setup.input());
    int retriers = StateFields.errors(state).retriers().size();
    var token =
        new Token(
            scope,
            state.name(),
            Phase.ENTER,
            setup.input(),
            null,
            Collections.nCopies(retriers, setup.retrierRetryCount()),
            context.now(),
            0,
            setup.variables());
    return step(run -> run.once(token));
  }

  /** Continues with the outcome of the Task call that {@link Progress.CallsTask} asked for. */
  public Progress afterTask(TaskOutcome outcome) {
    Token token = waitingIn(Phase.TASK);
    return step(run -> run.taskEnded(token, outcome));
  }

  /** Continues with the outputs of the fork's children, in order: the state's result. */
  public Progress afterChildren(List<Object> outputs) {
    Token token = waitingIn(Phase.FORK);
    return step(run -> run.childrenJoined(token, outputs));
  }

  /** Continues with the failure of the fork (a child's error, or its tolerance exceeded). */
  public Progress afterChildFailed(String error, String cause) {
    Token token = waitingIn(Phase.FORK);
    return step(run -> run.childFailed(token, error, cause));
  }

  private Token waitingIn(Phase phase) {
    if (waiting == null || waiting.phase() != phase) {
      throw new IllegalStateException("The state does not wait in phase " + phase);
    }
    Token token = waiting;
    waiting = null;
    return token;
  }

  /** One interpreter call, bounded like an execution's step. */
  private Progress step(Function<Run, Run.Flow> work) {
    var run = new Run(scopes, context, recorder);
    return progress(EvaluationBudget.within(context.limits().budget(), () -> work.apply(run)));
  }

  private Progress progress(Run.Flow flow) {
    return switch (flow) {
      case Run.Next next -> {
        recorder.record(Inspected.VARIABLES, next.variables());
        var status =
            recorder.caught()
                ? StateTestResult.Status.CAUGHT_ERROR
                : StateTestResult.Status.SUCCEEDED;
        yield ended(status, next.input(), next.state());
      }
      case Run.Done done -> progress(done.step());
    };
  }

  private Progress progress(Step step) {
    Token after = step.token();
    return switch (step.effect()) {
      case Effect.Finished finished ->
          ended(StateTestResult.Status.SUCCEEDED, finished.output(), null);
      case Effect.Failed failed ->
          new Progress.Ended(
              result(StateTestResult.Status.FAILED, null, failed.error(), failed.cause(), null));
      case Effect.Dispatch dispatch -> {
        waiting = after;
        yield new Progress.CallsTask(dispatch.request());
      }
      case Effect.StartFork fork -> {
        waiting = after;
        yield new Progress.Forks(fork.plan());
      }
      case Effect.Timer timer when after.phase() == Phase.WAITING -> {
        // TestState does not wait: the state ends with what its timer would continue with.
        recorder.record(Inspected.VARIABLES, after.variables());
        Transition transition = StateFields.transition(state);
        yield ended(
            StateTestResult.Status.SUCCEEDED,
            after.pending(),
            transition.isEnd() ? null : transition.next());
      }
      case Effect.Timer timer ->
          new Progress.Ended(
              result(
                  StateTestResult.Status.RETRIABLE,
                  null,
                  recorder.error(),
                  recorder.cause(),
                  null));
    };
  }

  private Progress ended(StateTestResult.Status status, Object output, String nextState) {
    boolean caught = status == StateTestResult.Status.CAUGHT_ERROR;
    return new Progress.Ended(
        result(
            status,
            output,
            caught ? recorder.error() : null,
            caught ? recorder.cause() : null,
            nextState));
  }

  private StateTestResult result(
      StateTestResult.Status status, Object output, String error, String cause, String next) {
    return new StateTestResult(
        status, output, error, cause, next, recorder.values(), recorder.errorDetails());
  }
}
