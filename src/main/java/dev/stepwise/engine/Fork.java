package dev.stepwise.engine;

import dev.stepwise.asl.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * A fork (Parallel branches, inline Map iterations, or the child executions of a distributed Map)
 * as counters, and the pure rules that decide what happens when it starts and each time a child
 * ends: which children start next under {@code MaxConcurrency}, whether the fork waits, joins, or
 * fails (cancelling the children still running), and the history events of each decision. The
 * runtime persists the decisions; it decides nothing about forks itself.
 *
 * <p>Children start in index order and each end frees its slot for the next. While the plan stays
 * as it started, the number of children started follows from the counters: nothing per child need
 * be read. A distributed Map's plan may change while it runs (AWS's UpdateMapRun, {@link #update}),
 * so the runtime counts its started children instead.
 *
 * @param plan what the fork was started with, or last updated to
 * @param open children not ended yet (started or waiting for a slot)
 * @param failed children that failed (only a distributed Map tolerates any)
 * @param started children started: those ended, plus those open that hold a slot
 */
public record Fork(Plan plan, int open, int failed, int started) {

  /** A fork whose plan never changed: its started children follow from the counters. */
  public Fork(Plan plan, int open, int failed) {
    this(plan, open, failed, slotted(plan, open));
  }

  private static int slotted(Plan plan, int open) {
    int ended = plan.children() - open;
    return plan.maxConcurrency() == 0
        ? plan.children()
        : ended + Math.min(plan.maxConcurrency(), open);
  }

  /** The error a distributed Map fails with when its failures pass the tolerated threshold. */
  public static final String EXCEEDED = "States.ExceedToleratedFailureThreshold";

  public enum Kind {
    PARALLEL,
    MAP,
    DISTRIBUTED_MAP
  }

  /**
   * What a fork is started with; the parent token keeps it while the children run.
   *
   * @param state the forking state's name
   * @param label names a distributed Map's child executions (null for the other kinds)
   * @param children how many children the fork has
   * @param maxConcurrency at most this many children open at once (0: all)
   * @param toleratedFailureCount null when the definition set none
   * @param toleratedFailurePercentage null when the definition set none
   */
  public record Plan(
      Kind kind,
      String state,
      String label,
      int children,
      int maxConcurrency,
      Long toleratedFailureCount,
      Double toleratedFailurePercentage) {

    /**
     * Whether {@code failed} children fail the fork. A Parallel or inline Map tolerates no failure;
     * a distributed Map fails beyond the count or the percentage (either, when both are set), and
     * with neither set, AWS tolerates no failure either.
     */
    public boolean exceeded(int failed) {
      if (kind != Kind.DISTRIBUTED_MAP) return failed > 0;
      if (toleratedFailureCount == null && toleratedFailurePercentage == null) return failed > 0;
      if (toleratedFailureCount != null && failed > toleratedFailureCount) return true;
      return toleratedFailurePercentage != null
          && children > 0
          && failed * 100.0 / children > toleratedFailurePercentage;
    }

    String exceededCause(int failed) {
      return "The map run failed: "
          + failed
          + " of "
          + children
          + " child executions failed, more than the tolerated failure threshold";
    }

    /** How many children start with the fork. */
    int initiallyStarted() {
      return maxConcurrency == 0 ? children : Math.min(children, maxConcurrency);
    }

    /**
     * This plan with the settings an update gives (a null keeps the current one): the new
     * concurrency and tolerated failures of a running distributed Map.
     */
    public Plan with(Integer newMaxConcurrency, Long newFailureCount, Double newFailurePercentage) {
      return new Plan(
          kind,
          state,
          label,
          children,
          newMaxConcurrency != null ? newMaxConcurrency : maxConcurrency,
          newFailureCount != null ? newFailureCount : toleratedFailureCount,
          newFailurePercentage != null ? newFailurePercentage : toleratedFailurePercentage);
    }
  }

  /** Children from index {@code from} (inclusive) to {@code to} (exclusive). */
  public record Range(int from, int to) {
    public static final Range NONE = new Range(0, 0);

    public boolean isEmpty() {
      return to <= from;
    }
  }

  /** What the fork does next. */
  public enum Next {
    /** Children are still open. */
    WAIT,
    /** Every child ended and the fork succeeds: answer with {@link Interpreter#afterChildren}. */
    JOIN,
    /**
     * The fork fails (with {@link Decision#error}): the open children are cancelled; answer with
     * {@link Interpreter#afterChildFailed}.
     */
    FAIL
  }

  /**
   * A decision: the fork's counters after it, history events to append (in order, before the
   * parent's own), the children to start, and what comes next.
   */
  public record Decision(
      Fork fork, List<Event> events, Range start, Next next, String error, String cause) {}

  /** A fork that has just been planned: every child open, none failed. */
  public static Fork of(Plan plan) {
    return new Fork(plan, plan.children(), 0);
  }

  private int running() {
    return started - (plan.children() - open);
  }

  public int succeeded() {
    return plan.children() - open - failed;
  }

  /** The fork starts: its first children (up to {@code MaxConcurrency}) start. */
  public Decision start() {
    var events = new ArrayList<Event>();
    if (plan.kind() == Kind.DISTRIBUTED_MAP) {
      events.add(
          Event.of(
              "MapRunStarted",
              "name",
              plan.state(),
              "label",
              plan.label(),
              "length",
              plan.children(),
              "maxConcurrency",
              plan.maxConcurrency(),
              "toleratedFailureCount",
              plan.toleratedFailureCount(),
              "toleratedFailurePercentage",
              plan.toleratedFailurePercentage()));
    }
    return new Decision(this, events, new Range(0, plan.initiallyStarted()), Next.WAIT, null, null);
  }

  /** The events of a child that starts together with the fork, appended as it runs. */
  public List<Event> childStarts(int index) {
    return plan.kind() == Kind.MAP ? List.of(iteration("MapIterationStarted", index)) : List.of();
  }

  /**
   * Child {@code index} ended: for a success, the next child waiting for a slot starts and the last
   * one joins; a failure beyond the tolerance fails the fork with the child's error (a distributed
   * Map: {@link #EXCEEDED}); a tolerated failure counts like a success.
   */
  public Decision childEnded(int index, boolean succeeded, String error, String cause) {
    var events = new ArrayList<Event>();
    var after = new Fork(plan, open - 1, failed + (succeeded ? 0 : 1), started);
    if (plan.kind() == Kind.MAP) {
      events.add(iteration(succeeded ? "MapIterationSucceeded" : "MapIterationFailed", index));
    }
    if (!succeeded && plan.exceeded(after.failed)) {
      if (plan.kind() != Kind.DISTRIBUTED_MAP) {
        return new Decision(after, events, Range.NONE, Next.FAIL, error, cause);
      }
      events.add(Event.of("MapRunFailed", "error", EXCEEDED));
      return new Decision(
          after, events, Range.NONE, Next.FAIL, EXCEEDED, plan.exceededCause(after.failed));
    }
    // The slot freed goes to the next child waiting, unless the children still running fill the
    // concurrency (it was lowered while they ran).
    Range start = Range.NONE;
    if (started < plan.children()
        && (plan.maxConcurrency() == 0 || after.running() < plan.maxConcurrency())) {
      start = new Range(started, started + 1);
      after = new Fork(plan, after.open, after.failed, started + 1);
      if (plan.kind() == Kind.MAP) events.add(iteration("MapIterationStarted", started));
    }
    if (after.open > 0) return new Decision(after, events, start, Next.WAIT, null, null);
    if (plan.kind() == Kind.DISTRIBUTED_MAP) events.add(Event.of("MapRunSucceeded"));
    return new Decision(after, events, start, Next.JOIN, null, null);
  }

  /**
   * The plan changes while the children run (a distributed Map's UpdateMapRun): a higher
   * concurrency starts the children waiting that now have a slot, all at once; a lower one starts
   * none until the children running fall below it (they are not stopped). The tolerated failures
   * apply to every failure from now on, and already-failed children beyond a lowered tolerance fail
   * the fork at once, as a failure beyond it would.
   */
  public Decision update(Plan changed) {
    if (plan.kind() != Kind.DISTRIBUTED_MAP) {
      throw new IllegalStateException("Only a distributed Map's plan changes while it runs");
    }
    if (changed.exceeded(failed)) {
      return new Decision(
          new Fork(changed, open, failed, started),
          List.of(Event.of("MapRunFailed", "error", EXCEEDED)),
          Range.NONE,
          Next.FAIL,
          EXCEEDED,
          changed.exceededCause(failed));
    }
    int to =
        changed.maxConcurrency() == 0
            ? changed.children()
            : Math.min(
                changed.children(), started + Math.max(0, changed.maxConcurrency() - running()));
    Range start = to > started ? new Range(started, to) : Range.NONE;
    return new Decision(
        new Fork(changed, open, failed, Math.max(started, to)),
        List.of(),
        start,
        Next.WAIT,
        null,
        null);
  }

  private Event iteration(String type, int index) {
    return Event.of(type, "name", plan.state(), "index", index);
  }

  /**
   * The plan a token standing in a fork keeps in its {@code pending}; null for a token forked by a
   * release that kept no plan (see {@link Interpreter#legacyForkPlan}).
   */
  static Plan planOf(Token token) {
    if (!(token.pending() instanceof java.util.Map<?, ?> pending) || !pending.containsKey("kind")) {
      return null;
    }
    return Json.mapper().convertValue(pending, Plan.class);
  }
}
