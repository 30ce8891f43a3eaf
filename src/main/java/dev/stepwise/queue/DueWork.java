package dev.stepwise.queue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The claiming side of the work queue: due items claimed for this node ({@link ClaimDueWork}), when
 * the next one falls due, the leases of the items it still works on ({@link ExtendLeases}), and the
 * backlog of due items nobody works on ({@link Backlog}). {@link WorkQueue} is the side the
 * executions see: adding, completing and cancelling work.
 */
@Component
class DueWork {
  private final JdbcClient jdbc;
  private final Clock clock;
  private final QueueProperties properties;
  private final String node;
  private final ApplicationEventPublisher events;

  DueWork(
      JdbcClient jdbc,
      Clock clock,
      QueueProperties properties,
      NodeId node,
      ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.properties = properties;
    this.node = node.value();
    this.events = events;
  }

  /**
   * Claims up to {@code max} items due now or within {@code stepwise.queue.claim-ahead} for this
   * node, oldest due first ({@link LocalWork} holds one claimed early until its due time). An item
   * that was still claimed by a node whose lease ran out is taken over ({@link LeasesTakenOver}):
   * the locked sub-select reads its holder before the update replaces it.
   */
  List<WorkItem> claim(int max) {
    Instant now = clock.instant();
    var takenOver = new AtomicInteger();
    List<WorkItem> items =
        jdbc.sql(
                "update work_item w set claimed_by = ?, lease_until = ?, version = w.version + 1"
                    + " from (select id, claimed_by from work_item where run_at <= ?"
                    + " and (claimed_by is null or lease_until < ?)"
                    + " order by run_at limit ? for update skip locked) due"
                    + " where w.id = due.id"
                    + " returning w.id, w.execution_id, w.token_id, w.token_version, w.kind,"
                    + " w.run_at, w.version, w.payload, due.claimed_by")
            .params(
                node,
                ts(now.plus(properties.lease())),
                ts(now.plus(properties.claimAhead())),
                ts(now),
                max)
            .query(
                (rs, i) -> {
                  var item =
                      new WorkItem(
                          rs.getLong(1),
                          rs.getObject(2, UUID.class),
                          rs.getInt(3),
                          rs.getInt(4),
                          rs.getString(5),
                          instant(rs, 6),
                          rs.getInt(7),
                          rs.getString(8));
                  if (rs.getString(9) != null) takenOver.incrementAndGet();
                  return item;
                })
            .list();
    if (takenOver.get() > 0) events.publishEvent(new LeasesTakenOver(takenOver.get()));
    // RETURNING keeps no order (it follows the plan, which changes as the table grows).
    return items.stream()
        .sorted(Comparator.comparing(WorkItem::runAt).thenComparingLong(WorkItem::id))
        .toList();
  }

  /** When the next unclaimed item falls due, or null when none is waiting. */
  Instant nextDue() {
    return jdbc.sql("select min(run_at) from work_item where claimed_by is null")
        .query((rs, i) -> instant(rs, 1))
        .optional()
        .orElse(null);
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

  /** Items due and not claimed, and the age of the oldest, for the queue metrics. */
  QueueDepth depth() {
    return jdbc.sql(
            "select count(*), min(run_at) from work_item where run_at <= now()"
                + " and (claimed_by is null or lease_until < now())")
        .query((rs, i) -> new QueueDepth(rs.getLong(1), instant(rs, 2)))
        .single();
  }

  record QueueDepth(long due, Instant oldestDue) {}

  private static OffsetDateTime ts(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
