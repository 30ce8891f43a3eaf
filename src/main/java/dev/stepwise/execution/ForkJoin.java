package dev.stepwise.execution;

import dev.stepwise.asl.Json;
import dev.stepwise.engine.Effect;
import dev.stepwise.engine.Fork;
import dev.stepwise.engine.Step;
import dev.stepwise.engine.Token;
import dev.stepwise.execution.ExecutionRow.ExecutionStatus;
import dev.stepwise.execution.TokenRow.TokenStatus;
import dev.stepwise.execution.WorkKinds.ForkWork;
import dev.stepwise.queue.WorkQueue;
import dev.stepwise.queue.WorkQueue.NewWork;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Persists what the engine's {@link Fork} decides, for Parallel, inline Map and distributed Map
 * alike: the children's token rows, the parent's open-children counter, the work that starts a
 * child (its step, or for a distributed Map its child execution), and the join or the failure.
 * Inline children of pure states run (and the fork joins) in the same transaction; a fork too large
 * for one transaction starts the rest in {@link WorkKinds#FORK} items.
 */
@Component
class ForkJoin {
  private final TokenStore tokens;
  private final WorkQueue queue;
  private final ChildExecutions mapChildren;

  ForkJoin(TokenStore tokens, WorkQueue queue, ChildExecutions mapChildren) {
    this.tokens = tokens;
    this.queue = queue;
    this.mapChildren = mapChildren;
  }

  /** How a fork has a token's step applied (by {@link StepApplier}, which reports ends back). */
  interface Steps {
    void apply(ExecutionChange change, TokenRow token, Step step);
  }

  /** Starts the fork that {@code row}, now at {@code position} and {@code version}, asked for. */
  void start(
      ExecutionChange change,
      TokenRow row,
      int version,
      Token position,
      Effect.StartFork effect,
      Steps steps) {
    List<Token> roots = effect.children();
    int count = roots.size();
    Fork.Decision decision = Fork.of(effect.plan()).start();
    int active = decision.start().to();
    int first = change.newTokenIds(count);
    tokens.insertChildren(change.executionId(), row.id(), first, roots, active);
    change.addAll(decision.events());
    var parent =
        new TokenRow(
            row.id(),
            row.parentId(),
            row.childIndex(),
            TokenStatus.ACTIVE,
            position,
            null,
            count,
            version);
    var open = new OpenFork(parent, decision.fork());
    change.forks().put(row.id(), open);
    var children = new ArrayList<TokenRow>(active);
    for (int i = decision.start().from(); i < active; i++) {
      children.add(
          new TokenRow(first + i, row.id(), i, TokenStatus.ACTIVE, roots.get(i), null, 0, 0));
    }
    run(change, open, children, active, steps);
  }

  /** Starts the children of a fork that one transaction could not start in full. */
  void resume(ExecutionChange change, TokenRow prefetched, ForkWork work, Steps steps) {
    // Read again after the lock: the row read with it is as it was before any transaction this
    // one waited for (a child's end elsewhere changes the open count).
    TokenRow parent = tokens.find(change.executionId(), prefetched.id()).orElse(null);
    if (parent == null
        || parent.status() != TokenStatus.ACTIVE
        || parent.version() != prefetched.version()) {
      return;
    }
    var open = load(change, parent);
    change.forks().put(parent.id(), open);
    List<TokenRow> children =
        tokens.activeChildren(
            change.executionId(),
            parent.id(),
            work.from(),
            work.to(),
            change.limits().maxStepsPerYield());
    run(change, open, children, work.to(), steps);
  }

  /**
   * A child token ended ({@code output}: its result as JSON, or a failed child execution's error
   * output): the engine decides, and its decision is carried out.
   */
  void childEnded(
      ExecutionChange change,
      TokenRow child,
      boolean succeeded,
      String output,
      String error,
      String cause,
      Steps steps) {
    var open =
        change
            .forks()
            .computeIfAbsent(
                child.parentId(),
                id -> load(change, tokens.find(change.executionId(), id).orElseThrow()));
    Fork.Decision decision = open.fork().childEnded(child.childIndex(), succeeded, error, cause);
    var status = succeeded ? TokenStatus.SUCCEEDED : TokenStatus.FAILED;
    open.childEnded(new OpenFork.ChildEnd(child.id(), status, output), decision.fork());
    change.addAll(decision.events());
    activate(change, open, decision.start());
    switch (decision.next()) {
      case WAIT -> {}
      case JOIN -> join(change, open, child.id() - child.childIndex(), steps);
      case FAIL -> fail(change, open, child.id() - child.childIndex(), decision, steps);
    }
  }

  /**
   * A distributed Map's child execution ended: its waiting token (gone when the Map already failed
   * or the parent stopped: the report is dropped) takes its output, or its error output.
   */
  void childExecutionEnded(
      ExecutionChange change, int tokenId, ChildExecutions.Report report, Steps steps) {
    TokenRow waiting = tokens.find(change.executionId(), tokenId).orElse(null);
    if (waiting == null || waiting.status() != TokenStatus.ACTIVE) return;
    boolean succeeded = report.status() == ExecutionStatus.SUCCEEDED;
    childEnded(
        change,
        waiting,
        succeeded,
        Json.write(succeeded ? report.output() : errorOutput(report)),
        report.error(),
        report.cause(),
        steps);
  }

  /** Writes the child ends this transaction gathered, one statement per fork. */
  void writeAll(ExecutionChange change) {
    for (OpenFork fork : change.forks().values()) write(change, fork);
  }

  /**
   * Runs children of a fork in this transaction, in order: children of pure states finish (and the
   * fork joins) without a transaction each; the others stop at their first Task or timer. A child
   * that fails ends the fork, and the children after it never start. Once the transaction has done
   * its share ({@link ExecutionChange#isFull}), the children from there up to child index {@code
   * to} start in a follow-up transaction, so a fork of any size never holds one long. A distributed
   * Map's children start as child executions, all at once.
   */
  private void run(
      ExecutionChange change, OpenFork open, List<TokenRow> children, int to, Steps steps) {
    if (children.isEmpty()) return;
    Fork.Plan plan = open.fork().plan();
    if (plan.kind() == Fork.Kind.DISTRIBUTED_MAP) {
      for (TokenRow child : children) mapChildren.start(change, child, plan.label());
      return;
    }
    TokenRow parent = open.parent();
    int first = children.getFirst().id() - children.getFirst().childIndex();
    int next = children.getFirst().childIndex();
    for (TokenRow child : children) {
      if (change.isForkOver(first) || change.isFull()) break;
      change.addAll(open.fork().childStarts(child.childIndex()));
      steps.apply(change, child, change.decide(ExecutionChange.ADVANCE, child));
      next = child.childIndex() + 1;
    }
    if (next < to && !change.isForkOver(first)) {
      queue.enqueue(
          List.of(
              new NewWork(
                  change.executionId(),
                  parent.id(),
                  parent.version(),
                  WorkKinds.FORK,
                  change.now(),
                  Json.write(new ForkWork(next, to)))));
    }
  }

  /** Children that waited for a free slot start: a step each, or a child execution each. */
  void activate(ExecutionChange change, OpenFork open, Fork.Range range) {
    var id = change.executionId();
    for (int index = range.from(); index < range.to(); index++) {
      tokens
          .activate(id, open.parent().id(), index)
          .ifPresent(
              child -> {
                if (open.fork().plan().kind() == Fork.Kind.DISTRIBUTED_MAP) {
                  mapChildren.start(change, child, open.fork().plan().label());
                } else {
                  queue.enqueue(
                      List.of(
                          new NewWork(
                              id,
                              child.id(),
                              child.version(),
                              WorkKinds.ADVANCE,
                              change.now(),
                              null)));
                }
              });
    }
  }

  private void join(ExecutionChange change, OpenFork open, int firstChildId, Steps steps) {
    var id = change.executionId();
    TokenRow parent = open.parent();
    change.forkOver(firstChildId);
    write(change, open);
    change.forks().remove(parent.id());
    List<Object> outputs = tokens.childOutputs(id, parent.id());
    queue.cancelTokens(id, tokens.deleteDescendants(id, parent.id()));
    steps.apply(
        change,
        parent,
        change.interpreter().afterChildren(parent.position(), outputs, change.context()));
  }

  /**
   * The fork failed: the other children are cancelled, their late answers dropped, and running
   * child executions asked to abort. Their rows go, so the ends gathered for them need no writing.
   */
  void fail(
      ExecutionChange change,
      OpenFork open,
      int firstChildId,
      Fork.Decision decision,
      Steps steps) {
    var id = change.executionId();
    TokenRow parent = open.parent();
    change.forkOver(firstChildId);
    change.forks().remove(parent.id());
    List<Integer> gone = tokens.deleteDescendants(id, parent.id());
    queue.cancelTokens(id, gone);
    mapChildren.abort(change, gone);
    steps.apply(
        change,
        parent,
        change
            .interpreter()
            .afterChildFailed(
                parent.position(), decision.error(), decision.cause(), change.context()));
  }

  /** The fork of {@code parent} with its counters as stored. */
  OpenFork load(ExecutionChange change, TokenRow parent) {
    Fork.Plan plan = change.interpreter().forkPlan(parent.position());
    if (plan == null) plan = legacyPlan(change, parent);
    // A Map of pure states loads its fork once per transaction; it need not count anything.
    if (plan.kind() != Fork.Kind.DISTRIBUTED_MAP) {
      return new OpenFork(parent, new Fork(plan, parent.openChildren(), 0));
    }
    // Only a distributed Map has failed children that stay (a failure ends the other kinds), and
    // its concurrency may have changed while it ran: its started children are counted too.
    var counts = tokens.countChildren(change.executionId(), parent.id());
    int waiting = counts.getOrDefault(TokenStatus.PENDING, 0);
    int failed = counts.getOrDefault(TokenStatus.FAILED, 0);
    return new OpenFork(
        parent, new Fork(plan, parent.openChildren(), failed, plan.children() - waiting));
  }

  /** A fork started before plans were kept in the token: count what the plan would hold. */
  private Fork.Plan legacyPlan(ExecutionChange change, TokenRow parent) {
    var id = change.executionId();
    int waiting = tokens.countChildren(id, parent.id(), TokenStatus.PENDING);
    int children = 0;
    for (TokenStatus status : TokenStatus.values()) {
      children += tokens.countChildren(id, parent.id(), status);
    }
    return change
        .interpreter()
        .legacyForkPlan(parent.position(), children, parent.openChildren() - waiting, waiting > 0);
  }

  private void write(ExecutionChange change, OpenFork fork) {
    var ended = fork.takeEnded();
    if (!ended.isEmpty()) {
      tokens.endChildren(change.executionId(), fork.parent().id(), ended, fork.fork().open());
    }
  }

  /** A failed child's place in the result: its error output, as a Catch would see it. */
  private static Object errorOutput(ChildExecutions.Report report) {
    var error = new LinkedHashMap<String, Object>();
    error.put("Error", report.error());
    error.put("Cause", report.cause());
    return error;
  }
}
