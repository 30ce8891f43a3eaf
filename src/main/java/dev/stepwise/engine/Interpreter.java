package dev.stepwise.engine;

import dev.stepwise.asl.EvaluationBudget;
import dev.stepwise.asl.model.MapState;
import dev.stepwise.asl.model.State;
import dev.stepwise.asl.model.StateMachine;
import dev.stepwise.asl.model.TaskState;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The ASL interpreter: turns a token (where a thread of control stands), what just happened and a
 * {@link StepContext} into a {@link Step}. It does no I/O and keeps no state between calls; the
 * runtime stores the tokens and applies the steps durably.
 *
 * <p>One call runs as far as the token can go without the outside world: through any number of
 * Pass, Choice, Succeed and Fail states, up to a Task's request, a timer, a fork or the end.
 */
public final class Interpreter {
  private final Scopes scopes;
  private final Integer timeoutSeconds;

  public Interpreter(StateMachine machine) {
    this.scopes = new Scopes(machine);
    this.timeoutSeconds = machine.timeoutSeconds();
  }

  /** The state machine's own {@code TimeoutSeconds} for a whole execution; null when unset. */
  public Integer timeoutSeconds() {
    return timeoutSeconds;
  }

  /**
   * Runs one step within a fresh {@link EvaluationBudget}: its expressions, paths and intrinsic
   * functions together may take no longer than the limit, because the runtime holds the execution's
   * row lock meanwhile.
   */
  private Step bounded(StepContext context, Function<Run, Step> step) {
    var run = new Run(scopes, context, Probe.NONE);
    return EvaluationBudget.within(context.limits().budget(), () -> step.apply(run));
  }

  /** The token that starts an execution of the whole state machine. */
  public Token startToken(Object input) {
    return Token.start(Scopes.ROOT, scopes.get(Scopes.ROOT).startAt(), input);
  }

  /**
   * The fork a token standing in a Parallel or Map keeps, with the runtime's counters of its
   * children: {@code open} not ended, {@code failed} failed.
   */
  public Fork fork(Token token, int open, int failed) {
    return new Fork(forkPlan(token), open, failed);
  }

  /**
   * The plan of the fork a token standing in a Parallel or Map keeps; null when the token was
   * forked by a release that kept none ({@link #legacyForkPlan} rebuilds it).
   */
  public Fork.Plan forkPlan(Token token) {
    if (token.phase() != Phase.FORK) throw new IllegalStateException("The token does not fork");
    return Fork.planOf(token);
  }

  /** The token standing in a fork, keeping {@code plan} instead (a distributed Map updated). */
  public Token withForkPlan(Token token, Fork.Plan plan) {
    if (token.phase() != Phase.FORK) throw new IllegalStateException("The token does not fork");
    return token.with(Phase.FORK, ForkBody.pending(plan));
  }

  /**
   * The plan of a fork started by a release that kept none in the token: Parallel and inline Map
   * tokens kept nothing, a distributed Map kept its label and tolerance. The runtime counts what
   * the plan held: the children, and (for {@code MaxConcurrency}) how many of the open ones hold a
   * slot, which keeps {@link Fork#started} right for the children still waiting.
   */
  public Fork.Plan legacyForkPlan(
      Token token, int children, int openHoldingSlots, boolean anyWaiting) {
    State state = scopes.get(token.scope()).state(token.state());
    int maxConcurrency = anyWaiting ? openHoldingSlots : 0;
    if (state instanceof MapState map && map.distributed() != null) {
      var run = token.pending() instanceof Map<?, ?> m ? m : Map.of();
      return new Fork.Plan(
          Fork.Kind.DISTRIBUTED_MAP,
          state.name(),
          (String) run.get("label"),
          children,
          maxConcurrency,
          run.get("toleratedFailureCount") instanceof Number n ? n.longValue() : null,
          run.get("toleratedFailurePercentage") instanceof Number n ? n.doubleValue() : null);
    }
    var kind = state instanceof MapState ? Fork.Kind.MAP : Fork.Kind.PARALLEL;
    return new Fork.Plan(kind, state.name(), null, children, maxConcurrency, null, null);
  }

  /** The {@code Resource} of the Task state a token stands in; null when it is no Task. */
  public String taskResource(Token token) {
    State state = scopes.get(token.scope()).state(token.state());
    return state instanceof TaskState task ? task.resource() : null;
  }

  /** Runs a token that is entering a state, or whose Wait or retry timer has fired. */
  public Step advance(Token token, StepContext context) {
    return bounded(context, run -> run.advance(token));
  }

  /** Continues a token whose Task request ended. */
  public Step afterTask(Token token, TaskOutcome outcome, StepContext context) {
    return bounded(context, run -> run.afterTask(token, outcome));
  }

  /** Continues a token whose children (branches or iterations) all finished, in order. */
  public Step afterChildren(Token token, List<Object> outputs, StepContext context) {
    return bounded(context, run -> run.afterChildren(token, outputs));
  }

  /** Continues a token one of whose children failed (the others are cancelled). */
  public Step afterChildFailed(Token token, String error, String cause, StepContext context) {
    return bounded(context, run -> run.afterChildFailed(token, error, cause));
  }
}
