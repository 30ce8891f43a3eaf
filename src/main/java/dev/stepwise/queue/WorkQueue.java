package dev.stepwise.queue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Durable work in PostgreSQL: one SQL statement per operation. Items due at once are inserted
 * already claimed by this node and handed to {@link LocalWork} after commit, which saves a claim
 * round trip; the rest wait for {@link ClaimDueWork}, woken by a notification ({@link
 * Claims#CHANNEL}).
 */
@Component
public class WorkQueue {
  private final JdbcClient jdbc;
  private final Clock clock;
  private final LocalWork local;
  private final Claims claims;
  private final QueueProperties properties;
  private final String node;
  private final ApplicationEventPublisher events;

  WorkQueue(
      JdbcClient jdbc,
      Clock clock,
      LocalWork local,
      Claims claims,
      QueueProperties properties,
      NodeId node,
      ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
    this.clock = clock;
    this.local = local;
    this.claims = claims;
    this.properties = properties;
    this.node = node.value();
  }

  /**
   * Enqueues work within the current transaction, in one statement however many items (a Map forks
   * thousands at once).
   */
  public void enqueue(List<NewWork> work) {
    if (work.isEmpty()) return;
    Instant now = clock.instant();
    OffsetDateTime leaseUntil = ts(now.plus(properties.lease()));
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
    var runHere = new boolean[n];
    boolean notify = false;
    for (int i = 0; i < n; i++) {
      NewWork w = work.get(i);
      runHere[i] = !w.runAt().isAfter(now) && local.reserve();
      executions[i] = w.executionId();
      tokens[i] = w.tokenId();
      versions[i] = w.tokenVersion();
      kinds[i] = w.kind();
      runAts[i] = ts(w.runAt()).toString();
      claimedBy[i] = runHere[i] ? node : null;
      leases[i] = runHere[i] ? leaseUntil.toString() : null;
      claimVersions[i] = runHere[i] ? 1 : 0;
      payloads[i] = w.payload();
      notify |= !runHere[i];
    }
    // Ids come from the sequence in the order of the rows fed to the insert, so sorted ids pair
    // with the items in order.
    List<Long> ids =
        jdbc
            .sql(
                "insert into work_item (execution_id, token_id, token_version, kind, run_at,"
                    + " claimed_by, lease_until, version, payload)"
                    + " select w.e, w.t, w.v, w.k, w.r, w.c, w.l, w.cv, w.p from unnest(?::uuid[],"
                    + " ?::int[], ?::int[], ?::text[], ?::timestamptz[], ?::text[], ?::timestamptz[],"
                    + " ?::int[], ?::text[]) with ordinality as w(e, t, v, k, r, c, l, cv, p, n)"
                    + " order by w.n returning id")
            .params(
                executions,
                tokens,
                versions,
                kinds,
                runAts,
                claimedBy,
                leases,
                claimVersions,
                payloads)
            .query(Long.class)
            .list()
            .stream()
            .sorted()
            .toList();
    var handOff = new ArrayList<WorkItem>();
    for (int i = 0; i < n; i++) {
      if (!runHere[i]) continue;
      NewWork w = work.get(i);
      handOff.add(
          new WorkItem(
              ids.get(i),
              w.executionId(),
              w.tokenId(),
              w.tokenVersion(),
              w.kind(),
              w.runAt(),
              1,
              w.payload()));
    }
    if (notify) claims.notifyClaimers();
    if (!handOff.isEmpty()) afterCommit(handOff);
  }

  private void afterCommit(List<WorkItem> items) {
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            if (status == STATUS_COMMITTED) {
              items.forEach(local::run);
            } else {
              items.forEach(i -> local.release());
            }
          }
        });
  }

  /** Claims up to {@code max} due items for this node, oldest due first. */
  List<WorkItem> claim(int max) {
    Instant now = clock.instant();
    return jdbc.sql(
            "update work_item w set claimed_by = ?, lease_until = ?, version = w.version + 1"
                + " where w.id in (select id from work_item where run_at <= ?"
                + " and (claimed_by is null or lease_until < ?)"
                + " order by run_at limit ? for update skip locked)"
                + " returning w.id, w.execution_id, w.token_id, w.token_version, w.kind,"
                + " w.run_at, w.version, w.payload")
        .params(node, ts(now.plus(properties.lease())), ts(now), ts(now), max)
        .query(
            (rs, i) ->
                new WorkItem(
                    rs.getLong(1),
                    rs.getObject(2, UUID.class),
                    rs.getInt(3),
                    rs.getInt(4),
                    rs.getString(5),
                    instant(rs, 6),
                    rs.getInt(7),
                    rs.getString(8)))
        .list();
  }

  /** When the next unclaimed item falls due, or null when none is waiting. */
  Instant nextDue() {
    return jdbc.sql("select min(run_at) from work_item where claimed_by is null")
        .query((rs, i) -> instant(rs, 1))
        .optional()
        .orElse(null);
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
    if (!owned) events.publishEvent(new ClaimLost(item.kind()));
    return owned;
  }

  /**
   * Extends the leases of items this node is still working on. An item whose step is running right
   * now is locked by that step's transaction (which deletes it on commit): it is skipped rather
   * than waited for, so one busy step cannot hold up the heartbeat of all the others. No other node
   * can claim it meanwhile, as claiming skips locked items too.
   */
  void extendLeases(List<Long> ids) {
    if (ids.isEmpty()) return;
    jdbc.sql(
            "update work_item set lease_until = ? where id in (select id from work_item"
                + " where id = any(?) and claimed_by = ? for update skip locked)")
        .params(ts(clock.instant().plus(properties.lease())), ids.toArray(new Long[0]), node)
        .update();
  }

  /** Drops all pending work of an execution (it ended, or was stopped). */
  public void cancelExecution(UUID executionId) {
    jdbc.sql("delete from work_item where execution_id = ?").params(executionId).update();
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

  /** Items due and not claimed, and the age of the oldest, for the queue metrics. */
  public QueueDepth depth() {
    return jdbc.sql(
            "select count(*), min(run_at) from work_item where run_at <= now()"
                + " and (claimed_by is null or lease_until < now())")
        .query((rs, i) -> new QueueDepth(rs.getLong(1), instant(rs, 2)))
        .single();
  }

  public record QueueDepth(long due, Instant oldestDue) {}

  private static OffsetDateTime ts(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
