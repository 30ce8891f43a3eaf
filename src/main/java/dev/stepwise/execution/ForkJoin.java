package dev.stepwise.execution;

import dev.stepwise.asl.Json;
import dev.stepwise.engine.Effect;
import dev.stepwise.engine.Fork;
import dev.stepwise.engine.Step;
import dev.stepwise.engine.Token;
import dev.stepwise.queue.NewWork;
import dev.stepwise.queue.WorkQueue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Persists what the engine's {@link Fork} decides, for Parallel, inline Map and distributed Map
 * alike: the children's token rows, the parent's open-children counter, the work that starts a
 * child (its step, or for a distributed Map its child execution), and the join or the failure.
 * Inline children of pure states run (and the fork joins) in the same transaction; a fork too
 * large for one transaction starts the rest in {@link WorkKinds#FORK} items.
 */
@Component
class ForkJoin {
  private final TokenStore tokens;
  private final WorkQueue queue;
  private final ChildExecutions executions;

  ForkJoin(TokenStore tokens, WorkQueue queue, ChildExecutions executions) {
    this.tokens = tokens;
    this.queue = queue;
    this.executions = executions;
  }

  /** How a fork has a token's step applied (by {@link StepApplier}, which reports ends back). */
  interface Steps {
    void apply(Session session, TokenRow token, Step step);
  }

  /** Starts the fork that {@code row}, now at {@code position} and {@code version}, asked for. */
  void start(
      Session session, TokenRow row, int version, Token position, Effect.StartFork effect, Steps steps) {
    List<Token> roots = effect.children();
    int count = roots.size();
    Fork.Decision decision = Fork.of(effect.plan()).start();
    int active = decision.start().to();
    int first = session.newTokenIds(count);
    tokens.insertChildren(session.executionId(), row.id(), first, roots, active);
    session.addAll(decision.events());
    var parent =
        new TokenRow(
            row.id(), row.parentId(), row.childIndex(), TokenStatus.ACTIVE, position, null, count, version);
    var open = new OpenFork(parent, decision.fork());
    session.forks().put(row.id(), open);
    var children = new ArrayList<TokenRow>(active);
    for (int i = decision.start().from(); i < active; i++) {
      children.add(new TokenRow(first + i, row.id(), i, TokenStatus.ACTIVE, roots.get(i), null, 0, 0));
    }
    run(session, open, children, active, steps);
  }

  /** Starts the children of a fork that one transaction could not start in full. */
  void resume(Session session, TokenRow prefetched, ForkWork work, Steps steps) {
    // Read again after the lock: the row read with it is as it was before any transaction this
    // one waited for (a child's end elsewhere changes the open count).
    TokenRow parent = tokens.find(session.executionId(), prefetched.id()).orElse(null);
    if (parent == null
        || parent.status() != TokenStatus.ACTIVE
        || parent.version() != prefetched.version()) {
      return;
    }
    var open = load(session, parent);
    session.forks().put(parent.id(), open);
    List<TokenRow> children =
        tokens.activeChildren(
            session.executionId(), parent.id(), work.from(), work.to(),
            session.limits().maxStepsPerYield());
    run(session, open, children, work.to(), steps);
  }

  /**
   * A child token ended ({@code output}: its result as JSON, or a failed child execution's error
   * output): the engine decides, and its decision is carried out.
   */
  void childEnded(
      Session session, TokenRow child, boolean succeeded, String output, String error, String cause,
      Steps steps) {
    var open =
        session.forks().computeIfAbsent(
            child.parentId(),
            id -> load(session, tokens.find(session.executionId(), id).orElseThrow()));
    Fork.Decision decision =
        open.fork().childEnded(child.childIndex(), succeeded, error, cause);
    var status = succeeded ? TokenStatus.SUCCEEDED : TokenStatus.FAILED;
    open.childEnded(new OpenFork.ChildEnd(child.id(), status, output), decision.fork());
    session.addAll(decision.events());
    activate(session, open, decision.start());
    switch (decision.next()) {
      case WAIT -> {}
      case JOIN -> join(session, open, child.id() - child.childIndex(), steps);
      case FAIL -> fail(session, open, child.id() - child.childIndex(), decision, steps);
    }
  }

  /**
   * A distributed Map's child execution ended: its waiting token (gone when the Map already
   * failed or the parent stopped: the report is dropped) takes its output, or its error output.
   */
  void childExecutionEnded(Session session, int tokenId, ChildExecutions.Outcome outcome, Steps steps) {
    TokenRow waiting = tokens.find(session.executionId(), tokenId).orElse(null);
    if (waiting == null || waiting.status() != TokenStatus.ACTIVE) return;
    boolean succeeded = outcome.status() == ExecutionStatus.SUCCEEDED;
    childEnded(
        session, waiting, succeeded, Json.write(succeeded ? outcome.output() : errorOutput(outcome)),
        outcome.error(), outcome.cause(), steps);
  }

  /** Writes the child ends this transaction gathered, one statement per fork. */
  void writeAll(Session session) {
    for (OpenFork fork : session.forks().values()) write(session, fork);
  }

  /**
   * Runs children of a fork in this transaction, in order: children of pure states finish (and
   * the fork joins) without a transaction each; the others stop at their first Task or timer. A
   * child that fails ends the fork, and the children after it never start. Once the transaction
   * has done its share ({@link Session#isFull}), the children from there up to child index
   * {@code to} start in a follow-up transaction, so a fork of any size never holds one long. A
   * distributed Map's children start as child executions, all at once.
   */
  private void run(Session session, OpenFork open, List<TokenRow> children, int to, Steps steps) {
    if (children.isEmpty()) return;
    Fork.Plan plan = open.fork().plan();
    if (plan.kind() == Fork.Kind.DISTRIBUTED_MAP) {
      for (TokenRow child : children) executions.start(session, child, plan.label());
      return;
    }
    TokenRow parent = open.parent();
    int first = children.getFirst().id() - children.getFirst().childIndex();
    int next = children.getFirst().childIndex();
    for (TokenRow child : children) {
      if (session.isForkOver(first) || session.isFull()) break;
      session.addAll(open.fork().childStarts(child.childIndex()));
      steps.apply(session, child, Decisions.decide(Decisions.ADVANCE, session, child));
      next = child.childIndex() + 1;
    }
    if (next < to && !session.isForkOver(first)) {
      queue.enqueue(
          List.of(
              new NewWork(
                  session.executionId(), parent.id(), parent.version(), WorkKinds.FORK,
                  session.now(), Json.write(new ForkWork(next, to)))));
    }
  }

  /** Children that waited for a free slot start: a step each, or a child execution each. */
  private void activate(Session session, OpenFork open, Fork.Range range) {
    var id = session.executionId();
    for (int index = range.from(); index < range.to(); index++) {
      tokens.activate(id, open.parent().id(), index).ifPresent(child -> {
        if (open.fork().plan().kind() == Fork.Kind.DISTRIBUTED_MAP) {
          executions.start(session, child, open.fork().plan().label());
        } else {
          queue.enqueue(
              List.of(
                  new NewWork(id, child.id(), child.version(), WorkKinds.STEP, session.now(), null)));
        }
      });
    }
  }

  private void join(Session session, OpenFork open, int firstChildId, Steps steps) {
    var id = session.executionId();
    TokenRow parent = open.parent();
    session.forkOver(firstChildId);
    write(session, open);
    session.forks().remove(parent.id());
    List<Object> outputs = tokens.childOutputs(id, parent.id());
    queue.cancelTokens(id, tokens.deleteDescendants(id, parent.id()));
    steps.apply(
        session,
        parent,
        session.interpreter().afterChildren(parent.position(), outputs, session.context()));
  }

  /**
   * The fork failed: the other children are cancelled, their late answers dropped, and running
   * child executions asked to abort. Their rows go, so the ends gathered for them need no writing.
   */
  private void fail(
      Session session, OpenFork open, int firstChildId, Fork.Decision decision, Steps steps) {
    var id = session.executionId();
    TokenRow parent = open.parent();
    session.forkOver(firstChildId);
    session.forks().remove(parent.id());
    List<Integer> gone = tokens.deleteDescendants(id, parent.id());
    queue.cancelTokens(id, gone);
    executions.abort(session, gone);
    steps.apply(
        session,
        parent,
        session.interpreter()
            .afterChildFailed(parent.position(), decision.error(), decision.cause(), session.context()));
  }

  /** The fork of {@code parent} with its counters as stored. */
  private OpenFork load(Session session, TokenRow parent) {
    Fork.Plan plan = session.interpreter().forkPlan(parent.position());
    if (plan == null) plan = legacyPlan(session, parent);
    // Only a distributed Map has failed children that stay: a failure ends the other kinds. A
    // Map of pure states loads its fork once per transaction; it need not count anything.
    int failed =
        plan.kind() == Fork.Kind.DISTRIBUTED_MAP
            ? tokens.countChildren(session.executionId(), parent.id(), TokenStatus.FAILED)
            : 0;
    return new OpenFork(parent, new Fork(plan, parent.openChildren(), failed));
  }

  /** A fork started before plans were kept in the token: count what the plan would hold. */
  private Fork.Plan legacyPlan(Session session, TokenRow parent) {
    var id = session.executionId();
    int waiting = tokens.countChildren(id, parent.id(), TokenStatus.PENDING);
    int children = 0;
    for (TokenStatus status : TokenStatus.values()) {
      children += tokens.countChildren(id, parent.id(), status);
    }
    return session
        .interpreter()
        .legacyForkPlan(parent.position(), children, parent.openChildren() - waiting, waiting > 0);
  }

  private void write(Session session, OpenFork fork) {
    var ended = fork.takeEnded();
    if (!ended.isEmpty()) {
      tokens.endChildren(session.executionId(), fork.parent().id(), ended, fork.fork().open());
    }
  }

  /** A failed child's place in the result: its error output, as a Catch would see it. */
  private static Object errorOutput(ChildExecutions.Outcome outcome) {
    var error = new LinkedHashMap<String, Object>();
    error.put("Error", outcome.error());
    error.put("Cause", outcome.cause());
    return error;
  }
}
