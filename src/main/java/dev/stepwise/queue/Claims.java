package dev.stepwise.queue;

import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * This node's claims on work items given back unfinished, and the notification that wakes the
 * claimers of every node. {@link LocalWork} gives items back through here rather than through
 * {@link HandOff} or {@link DueWork}, which hand it the items they claimed: neither needs the other
 * both ways.
 */
@Component
class Claims {
  /** The channel claimers listen on for work that another node may run. */
  static final String CHANNEL = "stepwise_work";

  private final JdbcClient jdbc;
  private final String node;

  Claims(JdbcClient jdbc, NodeId node) {
    this.jdbc = jdbc;
    this.node = node.value();
  }

  /** Gives an item back, due again at {@code runAt} (after an unexpected failure). */
  void release(WorkItem item, Instant runAt) {
    jdbc.sql(
            "update work_item set claimed_by = null, lease_until = null, run_at = ?"
                + " where id = ? and version = ?")
        .params(runAt.atOffset(ZoneOffset.UTC), item.id(), item.version())
        .update();
  }

  /**
   * Gives an unfinished item back, due as it was, and wakes the other nodes' claimers so that one
   * of them takes it at once (this node is stopping).
   */
  void handBack(WorkItem item) {
    jdbc.sql(
            "update work_item set claimed_by = null, lease_until = null where id = ? and version = ?")
        .params(item.id(), item.version())
        .update();
    notifyClaimers();
  }

  /**
   * Gives back every claim of this node (on shutdown, once its work has drained or stopped);
   * returns how many it gave back.
   */
  int releaseClaims() {
    int released =
        jdbc.sql("update work_item set claimed_by = null, lease_until = null where claimed_by = ?")
            .param(node)
            .update();
    if (released > 0) notifyClaimers();
    return released;
  }

  void notifyClaimers() {
    jdbc.sql("select pg_notify('" + CHANNEL + "', '')").query().singleRow();
  }
}
