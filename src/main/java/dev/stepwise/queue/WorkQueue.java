package dev.stepwise.queue;

import dev.stepwise.database.CarriedWrite;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Durable work in PostgreSQL, as the executions see it: adding, completing and cancelling work, one
 * SQL statement per operation. Items due at once are inserted already claimed by this node and run
 * here after commit ({@link HandOff}); the rest wait for {@link ClaimDueWork} (which claims through
 * {@link DueWork}), woken by a notification ({@link Claims#CHANNEL}).
 */
@Component
public class WorkQueue {
  private final JdbcClient jdbc;
  private final Clock clock;
  private final HandOff handOff;
  private final Claims claims;
  private final ApplicationEventPublisher events;

  WorkQueue(
      JdbcClient jdbc,
      Clock clock,
      HandOff handOff,
      Claims claims,
      ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.handOff = handOff;
    this.claims = claims;
    this.events = events;
  }

  /**
   * Enqueues work within the current transaction, in one statement however many items (a Map forks
   * thousands at once).
   */
  public void enqueue(List<NewWork> work) {
    enqueue(work, null);
  }

  /**
   * Enqueues as {@link #enqueue(List)} does, {@code carried} (if not null) in the same statement.
   */
  public void enqueue(List<NewWork> work, CarriedWrite carried) {
    if (work.isEmpty()) {
      if (carried != null) jdbc.sql(carried.sql()).params(carried.params()).update();
      return;
    }
    QueuedWork queued = queued(work);
    var insert = queued.insert();
    var params = new ArrayList<Object>();
    if (carried != null) params.addAll(carried.params());
    params.addAll(insert.params());
    queued.inserted(
        jdbc
            .sql(carried == null ? insert.sql() : carried.ahead(insert.sql()))
            .params(params)
            .query(Long.class)
            .list()
            .stream()
            .sorted()
            .toList());
  }

  /**
   * Work to enqueue in another statement of this transaction (see {@link QueuedWork}): items due at
   * once are claimed for this node now, and run here after commit.
   */
  public QueuedWork queued(List<NewWork> work) {
    Instant now = clock.instant();
    int n = work.size();
    var executions = new UUID[n];
    var tokens = new Integer[n];
    var versions = new Integer[n];
    var kinds = new String[n];
    var runAts = new String[n]; // pgjdbc binds no timestamp arrays; text casts exactly
    var claimedBy = new String[n];
    var leases = new String[n];
    var claimVersions = new Integer[n];
    var payloads = new String[n];
    var claimed = new TreeMap<Integer, WorkItem>(); // id 0 until the insert returns it
    boolean notify = false;
    for (int i = 0; i < n; i++) {
      NewWork w = work.get(i);
      HandOff.Claim claim = handOff.claim(w.runAt(), now);
      boolean here = claim != null;
      if (here) {
        claimed.put(
            i,
            new WorkItem(
                0,
                w.executionId(),
                w.tokenId(),
                w.tokenVersion(),
                w.kind(),
                w.runAt(),
                1,
                w.payload()));
      }
      executions[i] = w.executionId();
      tokens[i] = w.tokenId();
      versions[i] = w.tokenVersion();
      kinds[i] = w.kind();
      runAts[i] = ts(w.runAt()).toString();
      claimedBy[i] = here ? claim.node() : null;
      leases[i] = here ? claim.leaseUntil().toString() : null;
      claimVersions[i] = here ? 1 : 0;
      payloads[i] = w.payload();
      notify |= !here;
    }
    // Ids come from the sequence in the order of the rows fed to the insert, so sorted ids pair
    // with the items in order.
    var insert =
        new CarriedWrite(
            "insert into work_item (execution_id, token_id, token_version, kind, run_at,"
                + " claimed_by, lease_until, version, payload)"
                + " select w.e, w.t, w.v, w.k, w.r, w.c, w.l, w.cv, w.p from unnest(?::uuid[],"
                + " ?::int[], ?::int[], ?::text[], ?::timestamptz[], ?::text[], ?::timestamptz[],"
                + " ?::int[], ?::text[]) with ordinality as w(e, t, v, k, r, c, l, cv, p, n)"
                + " order by w.n returning id",
            List.of(
                executions,
                tokens,
                versions,
                kinds,
                runAts,
                claimedBy,
                leases,
                claimVersions,
                payloads));
    var queued = new QueuedWork(insert, n, claimed);
    // Registered now, so that a rollback before the insert runs gives the capacity back too.
    handOff.afterCommit(queued);
    if (notify) claims.notifyClaimers();
    return queued;
  }

  /**
   * Removes a finished item, guarded by its claim's version. Returns false when this node no longer
   * owns it; the caller must then roll back whatever it wrote.
   */
  public boolean complete(WorkItem item) {
    boolean owned =
        jdbc.sql("delete from work_item where id = ? and version = ?")
                .params(item.id(), item.version())
                .update()
            == 1;
    if (!owned) claimLost(item);
    return owned;
  }

  /** Says that this node found {@code item}'s claim taken by another (a completion that failed). */
  public void claimLost(WorkItem item) {
    events.publishEvent(new ClaimLost(item.kind()));
  }

  /** Drops all pending work of an execution (it ended, or was stopped). */
  public void cancelExecution(UUID executionId) {
    var cancel = cancelling(executionId);
    jdbc.sql(cancel.sql()).params(cancel.params()).update();
  }

  /** The write that drops all pending work of an execution, to carry in another statement. */
  public CarriedWrite cancelling(UUID executionId) {
    return new CarriedWrite("delete from work_item where execution_id = ?", List.of(executionId));
  }

  /** Drops the pending work of some tokens of an execution (cancelled branches). */
  public void cancelTokens(UUID executionId, List<Integer> tokenIds) {
    if (tokenIds.isEmpty()) return;
    jdbc.sql("delete from work_item where execution_id = ? and token_id = any(?)")
        .params(executionId, tokenIds.toArray(new Integer[0]))
        .update();
  }

  /** Drops the pending work of some kinds of one token (timers that no longer apply). */
  public void cancelTokenWork(UUID executionId, int tokenId, List<String> kinds) {
    jdbc.sql("delete from work_item where execution_id = ? and token_id = ? and kind = any(?)")
        .params(executionId, tokenId, kinds.toArray(new String[0]))
        .update();
  }

  private static OffsetDateTime ts(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  /** Work to enqueue: what it is for, of which kind, and when it becomes due. */
  public record NewWork(
      UUID executionId,
      int tokenId,
      int tokenVersion,
      String kind,
      Instant runAt,
      String payload) {}
}
